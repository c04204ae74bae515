import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import { ensureServerCompiled } from './build-state';

/**
 * Loads the CMS in-process (no HTTP server) for an operator script such as the seed or the
 * retention purge, from the compiled server in `dist/`. It compiles first only when the source
 * changed since the last build (the stamp `npm start` and the tests read, under the same lock);
 * Strapi's `compileStrapi()` would compile the whole project on every run, half a minute or
 * more before the script does anything. A script is not a server replica: it runs no scheduled
 * publishing (`CRON_ENABLED=false`; the running CMS does that), so nothing of it is still at work
 * when the script ends.
 */
export async function loadCompiledStrapi(): Promise<Core.Strapi> {
  const appDir = path.resolve(__dirname, '..');
  process.env.CRON_ENABLED = 'false';
  ensureServerCompiled(appDir, (command, args) => {
    console.log('Compiling the CMS server (its source changed since the last build)...');
    return spawnSync(command, args, { cwd: appDir, stdio: 'inherit' }).status ?? 1;
  });
  return createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
}
