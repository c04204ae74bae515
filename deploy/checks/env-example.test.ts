import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectStrings, findReferences, readComposeFile } from './compose-file.ts';
import { documentedVariables, findEnvReads, scanEnvReads } from './env-reads.ts';

const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** The code of the running system; tests, fixtures and the benchmarks (dev tools) aside. */
const SYSTEM_SOURCES = {
  include: [
    'cms/config',
    'cms/src',
    'cms/scripts',
    'scripts/src',
    'site/src',
    'site/astro.config.mjs',
    'shared-types/src',
  ],
  exclude:
    /(\.test\.tsx?$|(^|\/)(test|testing|__fixtures__|node_modules|dist)(\/|$)|^scripts\/src\/(bench|deploy)(\/|$))/,
};

const documented = documentedVariables(readFileSync(join(ROOT_DIR, '.env.example'), 'utf8'));

describe('.env.example', () => {
  it('lists every variable the code reads', () => {
    const reads = scanEnvReads(ROOT_DIR, SYSTEM_SOURCES);
    // Sanity: the scan finds the variables we know are read, so an empty result cannot pass.
    for (const known of ['DATABASE_URL', 'APP_KEYS', 'REBUILD_SECRET', 'SITE_URL', 'BUILD_QUIET_MS', 'CMS_URL']) {
      expect(reads.has(known), known).toBe(true);
    }
    const missing = [...reads].filter(([name]) => !documented.all.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });

  it('lists nothing that neither the code nor docker-compose.yml reads', () => {
    const reads = scanEnvReads(ROOT_DIR, SYSTEM_SOURCES);
    const compose = readComposeFile(join(ROOT_DIR, 'docker-compose.yml'));
    const referenced = new Set(collectStrings(compose).flatMap((text) => findReferences(text).map((r) => r.name)));
    expect([...documented.all].filter((name) => !reads.has(name) && !referenced.has(name))).toEqual([]);
  });

  it('holds no value for any secret', () => {
    const lines = readFileSync(join(ROOT_DIR, '.env.example'), 'utf8').split('\n');
    const secretLines = lines.filter((line) => /^#?\s*[A-Z_]*(SECRET|PASSWORD|TOKEN|SALT|KEYS?)=\S/.test(line.trim()));
    expect(secretLines).toEqual([]);
  });
});

describe('findEnvReads', () => {
  it('finds Strapi env() calls, process.env, env parameters and import.meta.env', () => {
    const source = `
      env('A_ONE'); env.int("A_TWO", 3); env.bool('A_THREE', false); env.array('A_FOUR');
      process.env.B_ONE; process.env['B_TWO'];
      const x = env.C_ONE || source.C_TWO;
      import.meta.env.D_ONE; import.meta.env.BASE_URL; import.meta.env.DEV;
      const notEnv = config.NOT_THIS; env('lowercase');
    `;
    expect([...findEnvReads(source)].sort()).toEqual([
      'A_FOUR',
      'A_ONE',
      'A_THREE',
      'A_TWO',
      'B_ONE',
      'B_TWO',
      'C_ONE',
      'C_TWO',
      'D_ONE',
    ]);
  });
});
