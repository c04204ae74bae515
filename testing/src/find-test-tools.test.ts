import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultTestToolLocations,
  findMissingTestTools,
  findPostgresBinDir,
  newestVersionsFirst,
  type TestToolLocations,
} from './find-test-tools.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-tools-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** An executable file at `dir/relative`. */
function fakeBinary(relative: string): string {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
  return file;
}

function fakeLocations(overrides: Partial<TestToolLocations> = {}): TestToolLocations {
  return {
    chromium: path.join(dir, 'chromium'),
    nginx: path.join(dir, 'nginx'),
    postgresRoot: path.join(dir, 'postgresql'),
    pathEnv: '',
    ...overrides,
  };
}

describe('findMissingTestTools', () => {
  it('reports each tool that is not at its path, with its Debian package', () => {
    expect(findMissingTestTools(fakeLocations()).map((tool) => [tool.name, tool.debianPackage])).toEqual([
      ['Chromium', 'chromium'],
      ['PostgreSQL', 'postgresql'],
      ['nginx', 'nginx'],
    ]);
  });

  it('reports nothing when every binary is there', () => {
    fakeBinary('chromium');
    fakeBinary('nginx');
    fakeBinary('postgresql/15/bin/initdb');
    fakeBinary('postgresql/15/bin/pg_ctl');
    expect(findMissingTestTools(fakeLocations())).toEqual([]);
  });

  it('does not count a file that cannot be executed', () => {
    fs.writeFileSync(path.join(dir, 'chromium'), '', { mode: 0o644 });
    expect(findMissingTestTools(fakeLocations()).map((tool) => tool.name)).toContain('Chromium');
  });

  it('follows CHROMIUM_PATH, as the browser suites do', () => {
    expect(defaultTestToolLocations({ CHROMIUM_PATH: '/opt/chromium/chrome' }).chromium).toBe('/opt/chromium/chrome');
    expect(defaultTestToolLocations({}).chromium).toBe('/usr/lib/chromium/chromium');
  });
});

describe('findPostgresBinDir', () => {
  it("takes Debian's newest version that has both initdb and pg_ctl", () => {
    fakeBinary('postgresql/9.6/bin/initdb');
    fakeBinary('postgresql/9.6/bin/pg_ctl');
    fakeBinary('postgresql/15/bin/initdb');
    fakeBinary('postgresql/15/bin/pg_ctl');
    // A client-only install (no server binaries) does not count.
    fakeBinary('postgresql/16/bin/psql');
    expect(findPostgresBinDir(fakeLocations())).toBe(path.join(dir, 'postgresql/15/bin'));
  });

  it('falls back to PATH on systems without /usr/lib/postgresql', () => {
    fakeBinary('bin/initdb');
    fakeBinary('bin/pg_ctl');
    expect(findPostgresBinDir(fakeLocations({ pathEnv: `/nonexistent:${path.join(dir, 'bin')}` }))).toBe(
      path.join(dir, 'bin'),
    );
  });
});

describe('newestVersionsFirst', () => {
  it('orders by number, not text, and ignores other folders', () => {
    expect(newestVersionsFirst(['9.6', '15', 'common', '16', '10'])).toEqual(['16', '15', '10', '9.6']);
  });
});
