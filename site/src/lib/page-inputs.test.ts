/**
 * The page memo (page-memo.ts) reuses a page whose recorded questions answer as before, so a
 * page may learn about content or time only through questions it records: `site-content.ts`
 * (content, `utcToday`). This holds the pages, layouts and components to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../', import.meta.url));

function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(srcDir, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(astro|ts)$/.test(entry.name) && !entry.name.includes('.test.'))
    .map((entry) => path.relative(srcDir, path.join(entry.parentPath, entry.name)));
}

/** What renders pages: the loaders and the content config run at sync, before any page. */
const rendering = ['pages', 'layouts', 'components', 'lib', 'i18n'].flatMap(sourcesUnder);

describe('what pages read while they render', () => {
  it('finds the sources it checks', () => {
    expect(rendering).toContain(path.join('layouts', 'BaseLayout.astro'));
    expect(rendering.length).toBeGreaterThan(40);
  });

  it('reads content only through site-content.ts', () => {
    const offenders = rendering.filter(
      (file) =>
        file !== path.join('lib', 'site-content.ts') &&
        /from ['"]astro:content['"]/.test(readFileSync(path.join(srcDir, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('reads the date only through utcToday', () => {
    // Code that runs at build time only (the share images' cache, date formatting of a given
    // date) is not a page's input.
    const allowed = new Set([path.join('lib', 'site-content.ts'), path.join('lib', 'social-card-store.ts')]);
    const offenders = rendering.filter(
      (file) => !allowed.has(file) && /new Date\(\)|Date\.now\(\)/.test(readFileSync(path.join(srcDir, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
