import fs from 'node:fs';
import path from 'node:path';
import { normalizeSitePath } from '@clinic/shared-types';

/** One built HTML page: its links and the ids its anchors may name. */
export interface BuiltPage {
  hrefs: string[];
  ids: Set<string>;
}

/** The HTML pages of a build folder by URL path (`/faq/` for `faq/index.html`, `/404.html`). */
export function indexBuiltPages(outDir: string): Map<string, BuiltPage> {
  const pages = new Map<string, BuiltPage>();
  for (const entry of fs.readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(outDir, file).split(path.sep).join('/');
    const urlPath =
      relative === 'index.html'
        ? '/'
        : relative.endsWith('/index.html')
          ? `/${relative.slice(0, -'index.html'.length)}`
          : `/${relative}`;
    const key = normalizeSitePath(urlPath) ?? urlPath;
    pages.set(key, readBuiltPage(fs.readFileSync(file, 'utf8')));
  }
  return pages;
}

const decode = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** Links (`<a href>`) and ids of one page's HTML, as Astro writes it (attributes quoted). */
export function readBuiltPage(html: string): BuiltPage {
  const hrefs = [...html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
  const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1] ?? '')));
  return { hrefs, ids };
}

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

/**
 * Root-relative links that reach nothing: no page of the build and no 301/302 source, or a
 * `#fragment` the target page has no element for. Other links (external, `tel:`, `mailto:`)
 * are not this check's business.
 */
export function findBrokenLinks(
  pages: ReadonlyMap<string, BuiltPage>,
  redirectSources: ReadonlySet<string>,
): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const [page, { hrefs, ids }] of pages) {
    for (const href of hrefs) {
      if (href.startsWith('#')) {
        const id = safeDecode(href.slice(1));
        if (id && !ids.has(id)) broken.push({ page, href, reason: 'no such anchor on the page' });
        continue;
      }
      if (!href.startsWith('/') || href.startsWith('//')) continue;
      const target = normalizeSitePath(href);
      if (!target) {
        broken.push({ page, href, reason: 'not a valid path' });
        continue;
      }
      const targetPage = pages.get(target);
      if (!targetPage) {
        if (!redirectSources.has(target)) broken.push({ page, href, reason: 'no such page' });
        continue;
      }
      const hashAt = href.indexOf('#');
      const id = hashAt === -1 ? '' : safeDecode(href.slice(hashAt + 1));
      if (id && !targetPage.ids.has(id)) broken.push({ page, href, reason: `no #${id} on ${target}` });
    }
  }
  return broken;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
