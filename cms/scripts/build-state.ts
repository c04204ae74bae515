import crypto from 'node:crypto';
import fs from 'node:fs';
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
  const inputs = hashBuildInputs(cmsDir);
  if (isBuildFresh(cmsDir, 'admin', inputs)) return;
  // The package's exports name no bin/, so its CLI is found next to its package.json.
  const strapiPackage = require.resolve('@strapi/strapi/package.json', { paths: [cmsDir] });
  const strapi = path.join(path.dirname(strapiPackage), 'bin', 'strapi.js');
  if (run(process.execPath, [strapi, 'build']) !== 0) throw new Error('Building the CMS admin panel failed');
  fs.writeFileSync(stampFile(cmsDir, 'admin'), inputs);
}
