/**
 * `tsx scripts/src/tools/with-test-cms.ts <command...>`: runs a command against a
 * throwaway CMS (seeded, temp SQLite DATA_DIR, free port), with CMS_URL and CMS_TOKEN
 * set, then stops the CMS. The site's type check uses it: Astro generates the
 * content types by syncing the real content config, which loads from the CMS.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServerCompiled } from '@clinic/cms/build-state';
import { startTestCms } from '@clinic/testing/start-test-cms';

const rootDir = fileURLToPath(new URL('../../../', import.meta.url));

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: with-test-cms <command> [args...]');
    return 2;
  }
  const cmsDir = path.join(rootDir, 'cms');
  ensureServerCompiled(cmsDir, (c, a) => spawnSync(c, a, { cwd: cmsDir, stdio: 'inherit' }).status ?? 1);
  const cms = await startTestCms({ LOG_LEVEL: 'warn' });
  try {
    const result = spawnSync(command, args, {
      stdio: 'inherit',
      env: {
        ...process.env,
        CMS_URL: cms.url,
        CMS_TOKEN: cms.token,
        SITE_URL: process.env.SITE_URL ?? 'http://localhost:4321',
      },
    });
    return result.status ?? 1;
  } finally {
    await cms.stop();
    fs.rmSync(cms.dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
