import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { PostgresClusterError, startPostgresCluster } from './start-postgres-cluster.ts';

/** The slice of `pg` used here (`pg` ships no types and `@types/pg` is not installed). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
const { Client } = createRequire(import.meta.url)('pg') as {
  Client: new (config: { connectionString: string }) => PgClient;
};

async function query(connectionString: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('startPostgresCluster', () => {
  it('starts a server of its own that the CMS tests can create databases on, and leaves nothing behind', async () => {
    const cluster = await startPostgresCluster();
    try {
      expect(cluster.url).toMatch(/^postgres:\/\/clinic:[0-9a-f]+@127\.0\.0\.1:\d+\/postgres$/);
      const [who] = await query(
        cluster.url,
        'SELECT current_user AS name, rolcreatedb FROM pg_roles WHERE rolname = current_user',
      );
      expect(who).toEqual({ name: 'clinic', rolcreatedb: true });
      await query(cluster.url, 'CREATE DATABASE clinic_test_cluster');
      const url = new URL(cluster.url);
      url.pathname = '/clinic_test_cluster';
      expect(await query(url.toString(), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await cluster.stop();
    }
    expect(fs.existsSync(cluster.dir)).toBe(false);
    expect(await accepts(cluster.port)).toBe(false);
  });

  it('refuses a TCP login without the password', async () => {
    const cluster = await startPostgresCluster();
    try {
      const url = new URL(cluster.url);
      url.password = 'wrong';
      await expect(query(url.toString(), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    } finally {
      await cluster.stop();
    }
  });

  it('says what to install when there are no server binaries', async () => {
    const nowhere = { postgresRoot: '/nonexistent/postgresql', pathEnv: '/nonexistent/bin' };
    await expect(startPostgresCluster(nowhere)).rejects.toThrow(PostgresClusterError);
    await expect(startPostgresCluster(nowhere)).rejects.toThrow(/npm run preflight/);
  });
});
