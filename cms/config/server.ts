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
    host: env('CMS_HOST', '0.0.0.0'),
    port: env.int('CMS_PORT', 1337),
    app: { keys: env.array('APP_KEYS') },
    // Uploads are data, not source: they live under DATA_DIR with the database.
    dirs: { public: path.join(dataDir, 'public') },
    cron: { enabled: env('CRON_ENABLED', 'true') !== 'false', tasks: cronTasks },
  };
};
