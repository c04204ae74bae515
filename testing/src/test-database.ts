import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The databases the CMS supports: SQLite in DATA_DIR (the default) and Postgres (`DATABASE_URL`). */
export type TestDatabase = 'sqlite' | 'postgres';

/** The slice of `pg` the tests use (`pg` ships no types of its own and `@types/pg` is not installed). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rowCount: number | null }>;
  end(): Promise<void>;
}
const { Client } = createRequire(import.meta.url)('pg') as {
  Client: new (config: { connectionString: string }) => PgClient;
};

/** Fails loudly instead of quietly testing less than CI promises. */
export class TestDatabaseConfigError extends Error {
  override name = 'TestDatabaseConfigError';
}

/**
 * The databases the CMS suites run on: always SQLite and Postgres. The integration and e2e
 * global setup (`global-setup.ts`) starts a throwaway PostgreSQL and sets `TEST_DATABASE_URL`
 * (a server and a role that may create databases); without it this throws rather than
 * quietly testing less.
 */
export function testDatabases(env: NodeJS.ProcessEnv = process.env): TestDatabase[] {
  if (!env.TEST_DATABASE_URL) {
    throw new TestDatabaseConfigError(
      'TEST_DATABASE_URL is not set: the CMS suites run on SQLite and Postgres, and the global setup of the ' +
        'integration and e2e projects starts the Postgres. Run them through one of those projects ' +
        '(npx vitest run --project integration <file>), or set TEST_DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/postgres.',
    );
  }
  return ['sqlite', 'postgres'];
}

function adminUrl(env: NodeJS.ProcessEnv): string {
  const url = env.TEST_DATABASE_URL;
  if (!url) throw new TestDatabaseConfigError('TEST_DATABASE_URL must be set to start a CMS on Postgres');
  return url;
}

async function withClient<T>(connectionString: string, run: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// Names are generated here, never taken from input, so quoting them as identifiers is safe.
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The database name of a URL made by `createPostgresDatabase`; throws for any other database. */
function testDatabaseName(databaseUrl: string, doing: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!name.startsWith('clinic_test_')) throw new Error(`Refusing to ${doing} ${name}: not a test database`);
  return name;
}

/**
 * Creates a database `clinic_test_<random>` on the `TEST_DATABASE_URL` server and returns its URL:
 * empty, or with `template` (the URL of another test database, with no session open on it) a
 * copy of that one (`CREATE DATABASE ... TEMPLATE`).
 */
export async function createPostgresDatabase(
  env: NodeJS.ProcessEnv = process.env,
  { template }: { template?: string | undefined } = {},
): Promise<string> {
  const serverUrl = adminUrl(env);
  const name = `clinic_test_${crypto.randomBytes(6).toString('hex')}`;
  const from = template ? ` TEMPLATE ${quoteIdent(testDatabaseName(template, 'copy'))}` : '';
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}${from}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Makes a test database a template others are copied from: waits until the last session on it
 * has ended (a stopped CMS's connections close a moment after it exits), then refuses new
 * connections, since Postgres copies a database only while nobody is connected to it.
 */
export async function freezePostgresTemplate(
  databaseUrl: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 10_000,
): Promise<void> {
  const name = testDatabaseName(databaseUrl, 'freeze');
  await withClient(adminUrl(env), async (client) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = await client.query('SELECT 1 FROM pg_stat_activity WHERE datname = $1', [name]);
      if (open.rowCount === 0) break;
      if (Date.now() > deadline) {
        throw new Error(`${open.rowCount} session(s) still open on ${name} ${timeoutMs} ms after its CMS stopped`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.query(`ALTER DATABASE ${quoteIdent(name)} WITH ALLOW_CONNECTIONS false`);
  });
}

/** Drops a database made by `createPostgresDatabase`, first ending every session still on it. */
export async function dropPostgresDatabase(databaseUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const name = testDatabaseName(databaseUrl, 'drop');
  await withClient(adminUrl(env), async (client) => {
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
  });
}

type SqlValue = string | number | Date | null;

/**
 * Runs one statement directly on a test CMS's database, SQLite or Postgres alike: `?`
 * placeholders, dates as `Date` (stored as Strapi stores them: epoch ms on SQLite, a
 * timestamp on Postgres). For tests that must reach below the API, e.g. to backdate rows.
 * Returns the number of rows changed.
 */
export async function execSql(
  target: { database: TestDatabase; databaseUrl?: string | undefined; dataDir: string },
  sql: string,
  params: SqlValue[] = [],
): Promise<number> {
  if (target.database === 'sqlite') {
    const db = new Database(path.join(target.dataDir, 'cms.db'));
    try {
      return db.prepare(sql).run(...params.map((p) => (p instanceof Date ? p.getTime() : p))).changes;
    } finally {
      db.close();
    }
  }
  if (!target.databaseUrl) throw new Error('A Postgres test CMS has no databaseUrl');
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  const result = await withClient(target.databaseUrl, (client) => client.query(text, params));
  return result.rowCount ?? 0;
}
