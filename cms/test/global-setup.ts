import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgresCluster } from '@clinic/testing/start-postgres-cluster';
import { ensureServerCompiled } from '../scripts/build-state.ts';

/**
 * Compiles the CMS server once for every integration test file (the admin panel is not
 * needed) and starts a throwaway PostgreSQL for the suites that run on both databases,
 * exported as `TEST_DATABASE_URL` to the test files and stopped when the run ends. A
 * `TEST_DATABASE_URL` that is already set (another server, or the e2e project's setup
 * that ran first) is used as is.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  ensureServerCompiled(
    cmsDir,
    (command, args) => spawnSync(command, args, { cwd: cmsDir, stdio: 'inherit' }).status ?? 1,
  );
  // Every suite that builds the site shares one folder of drawn social cards (see socialCacheDir).
  process.env.SOCIAL_CARD_CACHE_DIR ??= path.resolve(cmsDir, '../node_modules/.cache/clinic-social-cards');
  if (process.env.TEST_DATABASE_URL) return undefined;
  const cluster = await startPostgresCluster();
  process.env.TEST_DATABASE_URL = cluster.url;
  return async () => {
    delete process.env.TEST_DATABASE_URL;
    await cluster.stop();
  };
}
