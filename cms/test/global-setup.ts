import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildCmsTemplates } from '@clinic/testing/cms-template';
import { startPostgresCluster } from '@clinic/testing/start-postgres-cluster';
import type { TestDatabase } from '@clinic/testing/test-database';
import { ensureServerCompiled } from '../scripts/build-state.ts';

/**
 * Compiles the CMS server once for every integration test file (the admin panel is not
 * needed) and, for the integration project, starts a throwaway PostgreSQL for the suites
 * that run on both databases,
 * exported as `TEST_DATABASE_URL` to the test files and stopped when the run ends. A
 * `TEST_DATABASE_URL` that is already set (another server, or the e2e project's setup
 * that ran first) is used as is.
 *
 * Then it boots one CMS per database on an empty database, the real first boot with the real
 * seed, and keeps it stopped as this run's seeded template (`TEST_CMS_TEMPLATES`): every
 * `startTestCms` starts from a copy instead of seeding again (see `cms-template.ts`). A failed
 * template boot fails the run with the CMS's output. The browser and publishing suites run on
 * SQLite only; projects in one vitest share the templates it has made.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  ensureServerCompiled(
    cmsDir,
    (command, args) => spawnSync(command, args, { cwd: cmsDir, stdio: 'inherit' }).status ?? 1,
  );
  // Every suite that builds the site shares one folder of drawn social cards (see socialCacheDir).
  process.env.SOCIAL_CARD_CACHE_DIR ??= path.resolve(cmsDir, '../node_modules/.cache/clinic-social-cards');
  // The CMS suites run on both databases; the browser and publishing suites on SQLite only, so
  // their projects start no PostgreSQL.
  const databases: TestDatabase[] = project.name === 'integration' ? ['sqlite', 'postgres'] : ['sqlite'];
  let stopCluster: (() => Promise<void>) | undefined;
  if (databases.includes('postgres') && !process.env.TEST_DATABASE_URL) {
    const cluster = await startPostgresCluster();
    process.env.TEST_DATABASE_URL = cluster.url;
    stopCluster = async () => {
      delete process.env.TEST_DATABASE_URL;
      await cluster.stop();
    };
  }
  let removeTemplates: () => Promise<void>;
  try {
    removeTemplates = await buildCmsTemplates(databases);
  } catch (error) {
    await stopCluster?.();
    throw error;
  }
  return async () => {
    try {
      await removeTemplates();
    } finally {
      await stopCluster?.();
    }
  };
}
