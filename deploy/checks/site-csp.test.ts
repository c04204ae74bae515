import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@clinic/scripts/publisher';

const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const SITE_DIR = join(ROOT_DIR, 'site');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

interface AstroConfigShape {
  build?: { inlineStylesheets?: string };
  vite?: { build?: { assetsInlineLimit?: unknown } };
}

// The CSP allows scripts and styles from the site's own files only ('self'), never inline.
describe('the site under the Content-Security-Policy', () => {
  it('forbids inline script and style', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self'");
  });

  it('is built without inlining small scripts or stylesheets into the pages', async () => {
    // Astro inlines a bundled <script> or stylesheet smaller than Vite's assetsInlineLimit
    // (4 KB by default) into the HTML, where the CSP blocks it. A limit of 0 keeps each in
    // its own /_astro/ file.
    const { default: config } = (await import(join(SITE_DIR, 'astro.config.mjs'))) as { default: AstroConfigShape };
    expect(config.build?.inlineStylesheets, 'build.inlineStylesheets').not.toBe('always');
    expect(config.vite?.build?.assetsInlineLimit, 'vite.build.assetsInlineLimit in site/astro.config.mjs').toBe(0);
  });

  it('has no inline style attribute, event handler or is:inline script other than JSON-LD in its templates', () => {
    const offenders: string[] = [];
    for (const file of listFiles(join(SITE_DIR, 'src')).filter((path) => path.endsWith('.astro'))) {
      const source = readFileSync(file, 'utf8');
      const template = source.replace(/^---[\s\S]*?\n---/, '');
      const where = relative(ROOT_DIR, file);
      if (/\sstyle=/.test(template)) offenders.push(`${where}: style attribute`);
      if (/\son[a-z]+=/.test(template)) offenders.push(`${where}: inline event handler`);
      for (const [tag] of template.matchAll(/<script\b[^>]*>/g)) {
        const inline = /\bis:inline\b/.test(tag) || /\bset:html\b/.test(tag);
        if (inline && !/type=["']application\/ld\+json["']/.test(tag)) offenders.push(`${where}: ${tag}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
