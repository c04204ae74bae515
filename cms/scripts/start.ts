/**
 * `npm run start -w cms`: the CMS alone. Prepares DATA_DIR and its secrets, builds
 * the server (and the admin panel unless SERVE_ADMIN_PANEL=false) only when the
 * source changed, then runs `strapi start` and forwards Ctrl-C to it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { hashBuildInputs, isBuildFresh, stampFile, type BuildKind } from './build-state';
import { loadRuntimeEnv } from '../src/env/runtime-env';

const cmsDir = path.resolve(__dirname, '..');
// The package's `exports` do not list bin/, so resolving the CLI by name fails: find it beside package.json.
const strapiBin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');

function run(label: string, command: string, args: string[]): void {
  const started = Date.now();
  console.log(`[cms] ${label}...`);
  const result = spawnSync(command, args, { cwd: cmsDir, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`[cms] ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`[cms] ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function ensureBuilt(): void {
  const kind: BuildKind = process.env.SERVE_ADMIN_PANEL === 'false' ? 'server' : 'admin';
  const inputs = hashBuildInputs(cmsDir);
  // An admin build includes the server build; either stamp means the server is compiled.
  if (isBuildFresh(cmsDir, 'admin', inputs) || (kind === 'server' && isBuildFresh(cmsDir, 'server', inputs))) return;
  if (kind === 'admin') {
    run('Building the admin panel and server (first start or changed source, about a minute)', process.execPath, [
      strapiBin,
      'build',
    ]);
  } else {
    run('Compiling the server', process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json']);
  }
  fs.writeFileSync(stampFile(cmsDir, kind), inputs);
}

function main(): void {
  const { dataDir, secretsFile } = loadRuntimeEnv();
  console.log(`[cms] Data in ${dataDir} (secrets: ${secretsFile})`);
  ensureBuilt();
  const child = spawn(process.execPath, [strapiBin, process.argv.includes('--develop') ? 'develop' : 'start'], {
    cwd: cmsDir,
    stdio: 'inherit',
    env: process.env,
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => {
    if (signal === null || signal === 'SIGINT' || signal === 'SIGTERM') process.exit(code ?? 0);
    // Die of the same signal, so whoever supervises this process (`npm start`) can say
    // "killed by SIGKILL" rather than a bare exit code.
    process.kill(process.pid, signal);
  });
}

main();
