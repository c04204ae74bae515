import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The environment variables source code reads, found by pattern: `env('X')` and its typed
 * forms (Strapi config), `process.env.X` / `process.env['X']`, `env.X` / `source.X` on a
 * ProcessEnv parameter, and `import.meta.env.X` minus Vite's built-ins.
 */
const PATTERNS = [
  /\benv(?:\.(?:bool|int|float|json|array|date|oneOf))?\(\s*['"`]([A-Z][A-Z0-9_]*)['"`]/g,
  /\bprocess\.env\.([A-Z][A-Z0-9_]*)\b/g,
  /\bprocess\.env\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\]/g,
  /\b(?:env|source)\.([A-Z][A-Z0-9_]*)\b/g,
  /\bimport\.meta\.env\.([A-Z][A-Z0-9_]*)\b/g,
];
const VITE_BUILT_INS = new Set(['MODE', 'BASE_URL', 'PROD', 'DEV', 'SSR', 'SITE', 'ASSETS_PREFIX']);

export function findEnvReads(source: string): Set<string> {
  const names = new Set<string>();
  for (const pattern of PATTERNS) {
    for (const match of source.matchAll(pattern)) {
      const name = match[1];
      if (name && !VITE_BUILT_INS.has(name)) names.add(name);
    }
  }
  return names;
}

export interface SourceScan {
  /** Folders or files, relative to the root. */
  include: string[];
  /** Path fragments to leave out (tests, fixtures). */
  exclude: RegExp;
}

/** Every variable read by the matching source files under `root`, with the first file reading it. */
export function scanEnvReads(root: string, { include, exclude }: SourceScan): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (path: string): void => {
    const rel = relative(root, path);
    if (exclude.test(rel)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (/\.(ts|tsx|mts|js|mjs|cjs|astro)$/.test(path)) {
      for (const name of findEnvReads(readFileSync(path, 'utf8'))) if (!found.has(name)) found.set(name, rel);
    }
  };
  for (const entry of include) visit(join(root, entry));
  return found;
}

/** Variable names a dotenv example documents, set or commented out (`# NAME=value`). */
export function documentedVariables(dotenv: string): { all: Set<string>; active: Set<string> } {
  const all = new Set<string>();
  const active = new Set<string>();
  for (const line of dotenv.split('\n')) {
    const match = /^(#\s*)?([A-Z][A-Z0-9_]*)=/.exec(line.trim());
    if (!match?.[2]) continue;
    all.add(match[2]);
    if (!match[1]) active.add(match[2]);
  }
  return { all, active };
}
