import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAdminBuilt } from '../scripts/build-state.ts';

/** Builds the admin panel once for the browser suites (about a minute; skipped while the source is unchanged). */
export default function setup(): void {
  const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  ensureAdminBuilt(cmsDir, (command, args) => {
    const env = { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' };
    return spawnSync(command, args, { cwd: cmsDir, stdio: 'inherit', env }).status ?? 1;
  });
}
