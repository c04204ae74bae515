import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServerCompiled } from '../scripts/build-state.ts';

/** Compiles the CMS server once for every integration test file (the admin panel is not needed). */
export default function setup(): void {
  const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  ensureServerCompiled(
    cmsDir,
    (command, args) => spawnSync(command, args, { cwd: cmsDir, stdio: 'inherit' }).status ?? 1,
  );
}
