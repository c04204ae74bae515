import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a build of the CMS depends on: its source, config, and installed Strapi version. */
const INPUTS = ['src', 'config', 'package.json', 'tsconfig.json'];

function listFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (fs.statSync(entry).isFile()) return [entry];
  return fs
    .readdirSync(entry)
    .sort()
    .flatMap((name) => (name.endsWith('.test.ts') ? [] : listFiles(path.join(entry, name))));
}

/** A hash of every build input, so a start only rebuilds when something changed. */
export function hashBuildInputs(cmsDir: string): string {
  const hash = crypto.createHash('sha256');
  for (const file of INPUTS.flatMap((input) => listFiles(path.join(cmsDir, input)))) {
    hash.update(path.relative(cmsDir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export type BuildKind = 'server' | 'admin';

/** The stamp file recording which inputs the current `dist/` was built from. */
export const stampFile = (cmsDir: string, kind: BuildKind) => path.join(cmsDir, 'dist', `.build-${kind}.sha256`);

/** Whether `dist/` holds a `kind` build of exactly these inputs. */
export function isBuildFresh(cmsDir: string, kind: BuildKind, inputsHash: string): boolean {
  const stamp = stampFile(cmsDir, kind);
  return fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === inputsHash;
}

/**
 * Compiles the server (not the admin panel) unless `dist/` already matches the source.
 * For tests and tools that run Strapi headless.
 */
export function ensureServerCompiled(cmsDir: string, run: (command: string, args: string[]) => number): void {
  withBuildLock(cmsDir, () => compileServer(cmsDir, run));
}

function compileServer(cmsDir: string, run: (command: string, args: string[]) => number): void {
  const inputs = hashBuildInputs(cmsDir);
  if (isBuildFresh(cmsDir, 'admin', inputs) || isBuildFresh(cmsDir, 'server', inputs)) return;
  const tsc = require.resolve('typescript/bin/tsc', { paths: [cmsDir] });
  if (run(process.execPath, [tsc, '-p', path.join(cmsDir, 'tsconfig.json')]) !== 0)
    throw new Error('Compiling the CMS failed');
  fs.writeFileSync(stampFile(cmsDir, 'server'), inputs);
}

/**
 * Builds the admin panel, and the server with it, unless `dist/` already holds an admin
 * build of exactly these inputs (the same stamp `npm start` reads). For tests that drive
 * the real admin UI.
 */
export function ensureAdminBuilt(cmsDir: string, run: (command: string, args: string[]) => number): void {
  withBuildLock(cmsDir, () => buildAdmin(cmsDir, run));
}

function buildAdmin(cmsDir: string, run: (command: string, args: string[]) => number): void {
  const inputs = hashBuildInputs(cmsDir);
  if (isBuildFresh(cmsDir, 'admin', inputs)) return;
  // The package's exports name no bin/, so its CLI is found next to its package.json.
  const strapiPackage = require.resolve('@strapi/strapi/package.json', { paths: [cmsDir] });
  const strapi = path.join(path.dirname(strapiPackage), 'bin', 'strapi.js');
  if (run(process.execPath, [strapi, 'build']) !== 0) throw new Error('Building the CMS admin panel failed');
  fs.writeFileSync(stampFile(cmsDir, 'admin'), inputs);
}

/**
 * Runs `fn` while holding this checkout's build lock, so two test runs (or a test run and
 * `npm start`) never compile into the same `dist/` at once; the second waits, then finds the
 * build fresh. A lock whose holder has died is taken over.
 */
export function withBuildLock<T>(cmsDir: string, fn: () => T, options: { timeoutMs?: number } = {}): T {
  const lock = buildLockPath(cmsDir);
  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!isHolderAlive(lock)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Waited too long for the CMS build lock ${lock}`);
      Atomics.wait(sleeper, 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** One lock per checkout, outside it (a lock in the source tree would change the build inputs). */
export function buildLockPath(cmsDir: string): string {
  const key = crypto.createHash('sha256').update(path.resolve(cmsDir)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `clinic-cms-build-${key}.lock`);
}

function isHolderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    // Just created with its pid not yet written (give the holder a moment), or already gone.
    try {
      return Date.now() - fs.statSync(lock).mtimeMs < 5_000;
    } catch {
      return true;
    }
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
