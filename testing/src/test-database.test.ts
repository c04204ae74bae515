import { describe, expect, it } from 'vitest';
import { TestDatabaseConfigError, testDatabases } from './test-database.ts';

describe('testDatabases', () => {
  it('runs the CMS suites on SQLite and Postgres when TEST_DATABASE_URL is set', () => {
    expect(testDatabases({ TEST_DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/postgres', CI: 'true' })).toEqual([
      'sqlite',
      'postgres',
    ]);
  });

  it('fails loudly without TEST_DATABASE_URL instead of quietly skipping Postgres, in CI or not', () => {
    expect(() => testDatabases({ CI: 'true' })).toThrow(TestDatabaseConfigError);
    expect(() => testDatabases({})).toThrow(TestDatabaseConfigError);
    expect(() => testDatabases({})).toThrow(/--project integration/);
  });
});
