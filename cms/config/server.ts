import path from 'node:path';
import { loadRuntimeEnv } from '../src/env/runtime-env';
import cronTasks from './cron-tasks';

type Env = {
  (key: string, fallback?: string): string;
  int(key: string, fallback?: number): number;
  array(key: string): string[];
};

export default ({ env }: { env: Env }) => {
  const { dataDir } = loadRuntimeEnv();
  return {
    // `CMS_HOST` (or `HOST`): 127.0.0.1 when only proxies on this machine may reach the CMS,
    // which is what makes trusting their X-Forwarded-For safe.
    host: env('CMS_HOST', env('HOST', '0.0.0.0')),
    port: env.int('CMS_PORT', 1337),
    app: { keys: env.array('APP_KEYS') },
    // Behind the site's form proxy or nginx, the visitor's address is the last (and only
    // trusted) X-Forwarded-For entry: `maxIpsCount: 1` ignores anything a visitor prepends.
    // Off by default, so a header sent straight to the CMS is never believed.
    proxy: { koa: env('CALL_REQUEST_TRUST_PROXY', 'false') === 'true', maxIpsCount: 1 },
    // Uploads are data, not source: they live under DATA_DIR with the database.
    dirs: { public: path.join(dataDir, 'public') },
    cron: { enabled: env('CRON_ENABLED', 'true') !== 'false', tasks: cronTasks },
  };
};
