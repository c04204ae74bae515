import fs from 'node:fs';
import path from 'node:path';
import sanitizeHtml from 'sanitize-html';

/** One HTML page of a build, by the URL path it is served at. */
export interface BuiltPage {
  /** "/" , "/programs/iop/", or "/404.html" for files that are not directory indexes. */
  urlPath: string;
  html: string;
}

export interface Element {
  tag: string;
  attribs: Record<string, string>;
}

/** Every file of a build directory, as paths relative to it with a leading slash. */
export function listFiles(dir: string): string[] {
  const walk = (d: string): string[] =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  return walk(dir).map((file) => `/${path.relative(dir, file).split(path.sep).join('/')}`);
}

/** The URL path a built file is served at: directory indexes end with a slash. */
export function urlPathOf(file: string): string {
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** The file a URL path is served from. */
export function fileOf(urlPath: string): string {
  return urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
}

export function readPages(dir: string): BuiltPage[] {
  return listFiles(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ urlPath: urlPathOf(file), html: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

/**
 * Every element of a page in document order, with attributes decoded as a browser reads
 * them. sanitize-html (already a dependency) is the parser: told to allow everything, it
 * reports each tag to a transform without changing anything.
 */
export function elementsOf(html: string): Element[] {
  const elements: Element[] = [];
  sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    allowedSchemesAppliedToAttributes: [],
    transformTags: {
      '*': (tag, attribs) => {
        elements.push({ tag, attribs: { ...attribs } });
        return { tagName: tag, attribs };
      },
    },
  });
  return elements;
}

/** The parsed JSON of every `application/ld+json` script of a page. */
export function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? '') as unknown,
  );
}

/** The `@type` of every node in a page's JSON-LD graphs. */
export function jsonLdTypesOf(html: string): string[] {
  return jsonLdOf(html).flatMap((block) => {
    const graph = (block as { '@graph'?: { '@type': string }[] })['@graph'] ?? [block as { '@type': string }];
    return graph.map((node) => node['@type']);
  });
}

/**
 * `<loc>`, `<lastmod>` and the `xhtml:link` alternates of every URL in a sitemap file, each
 * alternate as "hreflang href", sorted (as `alternatesOf` gives a page's).
 */
export function sitemapEntriesOf(xml: string): { loc: string; lastmod: string | undefined; alternates: string[] }[] {
  return [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => ({
    loc: /<loc>([^<]+)<\/loc>/.exec(m[1] ?? '')?.[1] ?? '',
    lastmod: /<lastmod>([^<]+)<\/lastmod>/.exec(m[1] ?? '')?.[1],
    alternates: [...(m[1] ?? '').matchAll(/<xhtml:link\b[^>]*>/g)]
      .map(([link]) => `${/hreflang="([^"]*)"/.exec(link)?.[1]} ${/href="([^"]*)"/.exec(link)?.[1]}`)
      .sort(),
  }));
}

/** A page's `<link rel="alternate" hreflang href>`, each as "hreflang href", sorted. */
export function alternatesOf(html: string): string[] {
  return elementsOf(html)
    .filter((e) => e.tag === 'link' && e.attribs['rel'] === 'alternate' && e.attribs['hreflang'])
    .map((e) => `${e.attribs['hreflang']} ${e.attribs['href']}`)
    .sort();
}
