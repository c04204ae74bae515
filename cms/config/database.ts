import path from 'node:path';
import { loadRuntimeEnv } from '../src/env/runtime-env';

type Env = {
  (key: string, fallback?: string): string;
  bool(key: string, fallback?: boolean): boolean;
  int(key: string, fallback?: number): number;
};

export default ({ env }: { env: Env }) => {
  const { dataDir } = loadRuntimeEnv();
  const url = env('DATABASE_URL', '');
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new Error('DATABASE_URL must start with postgres:// (unset it to use SQLite)');
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: url,
          ssl: env.bool('DATABASE_SSL', false)
            ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
            : false,
        },
        pool: { min: 0, max: env.int('DATABASE_POOL_MAX', 10) },
      },
    };
  }
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.join(dataDir, 'cms.db') },
      useNullAsDefault: true,
      pool: {
        // WAL lets the site build read while an editor or a visitor's form writes, and
        // synchronous=NORMAL is durable across crashes of the process (not of the OS) in WAL mode.
        afterCreate: (conn: { pragma(sql: string): unknown }, done: (err: Error | null, conn: unknown) => void) => {
          conn.pragma('journal_mode = WAL');
          conn.pragma('synchronous = NORMAL');
          done(null, conn);
        },
      },
    },
  };
};
