import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashBuildInputs, isBuildFresh, stampFile } from '../scripts/build-state.ts';

/** Compiles the CMS server once for every integration test file (the admin panel is not needed). */
export default function setup(): void {
  const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const inputs = hashBuildInputs(cmsDir);
  if (isBuildFresh(cmsDir, 'admin', inputs) || isBuildFresh(cmsDir, 'server', inputs)) return;
  const tsc = path.resolve(cmsDir, '../node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: cmsDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Compiling the CMS for the integration tests failed');
  fs.writeFileSync(stampFile(cmsDir, 'server'), inputs);
}
