import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ContentCoding } from './negotiate-encoding.ts';

/** One file on disk, as it was when the build was indexed. */
export interface IndexedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** A URL-addressable file of a build, with its precompressed siblings. */
export interface SiteEntry extends IndexedFile {
  contentType: string;
  variants: Partial<Record<ContentCoding, IndexedFile>>;
}

/**
 * What a build can answer, listed once when it goes live (builds never change afterwards), so a
 * request never touches the file system to find out what exists. Keys are decoded URL paths.
 */
export interface SiteIndex {
  files: ReadonlyMap<string, SiteEntry>;
  /** Folders with an `index.html`, without the trailing slash (`/faq`): they redirect to `/faq/`. */
  folders: ReadonlySet<string>;
}

/** Astro's output formats; anything else is served as bytes (nosniff keeps browsers from guessing). */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html;charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.xsl': 'application/xml',
  '.txt': 'text/plain',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(name: string): string {
  return CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

const SIBLING_SUFFIXES: readonly (readonly [suffix: string, coding: ContentCoding])[] = [
  ['.br', 'br'],
  ['.gz', 'gzip'],
];

/** Dotfiles stay private (`.well-known` aside), as they did under sirv. */
function isPrivateName(name: string): boolean {
  return name.startsWith('.') && name !== '.well-known';
}

function listFiles(dir: string, urlPrefix: string, into: Map<string, IndexedFile>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (isPrivateName(entry.name)) continue;
    const path = join(dir, entry.name);
    const url = `${urlPrefix}/${entry.name.normalize('NFC')}`;
    // Symbolic links are skipped: a build has none, and one could point out of the build.
    if (entry.isDirectory()) listFiles(path, url, into);
    else if (entry.isFile()) {
      const stats = statSync(path);
      into.set(url, { path, size: stats.size, mtimeMs: stats.mtimeMs });
    }
  }
}

/**
 * Lists a build folder. `x.br` and `x.gz` next to `x` become `x`'s variants and are not
 * addressable themselves: the negotiated answer for `x` is the only way to get them.
 */
export function indexSite(dir: string): SiteIndex {
  const found = new Map<string, IndexedFile>();
  listFiles(dir, '', found);
  const files = new Map<string, SiteEntry>();
  const folders = new Set<string>();
  const siblings = new Set<string>();
  for (const url of found.keys()) {
    for (const [suffix] of SIBLING_SUFFIXES) {
      if (url.endsWith(suffix) && found.has(url.slice(0, -suffix.length))) siblings.add(url);
    }
  }
  for (const [url, file] of found) {
    if (siblings.has(url)) continue;
    const variants: SiteEntry['variants'] = {};
    for (const [suffix, coding] of SIBLING_SUFFIXES) {
      const variant = found.get(`${url}${suffix}`);
      if (variant) variants[coding] = variant;
    }
    files.set(url, { ...file, contentType: contentTypeFor(url), variants });
    if (url.endsWith('/index.html') && url !== '/index.html') folders.add(url.slice(0, -'/index.html'.length));
  }
  return { files, folders };
}

export type ResolvedPath =
  { kind: 'file'; entry: SiteEntry } | { kind: 'redirect'; location: string } | { kind: 'missing' };

const MISSING: ResolvedPath = { kind: 'missing' };

/**
 * Decodes one path segment, or null when it is malformed or could change the path's shape once
 * decoded: `.`/`..`, an encoded `/` or `\`, a NUL or any other control character.
 */
function decodeSegment(raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (decoded === '.' || decoded === '..' || /[/\\\p{Cc}]/u.test(decoded)) return null;
  return decoded.normalize('NFC');
}

/** A query string made safe to repeat in a header; it is never decoded. */
function headerSafeQuery(query: string): string {
  return query.replace(/[^\x21-\x7e]/g, (char) => encodeURIComponent(char));
}

/**
 * Finds what a request target (`req.url`) names in a build. `/x/` is `x/index.html`; `/x`
 * where `x/index.html` exists redirects to `/x/` with the query kept (Astro builds with
 * `trailingSlash: 'always'`, so the slashless form would be a duplicate URL). Empty segments
 * (`//`) are refused, and the redirect is rebuilt from the index's own path, re-encoded, so it
 * always starts with exactly one `/` and can never name another host.
 */
export function resolveRequestPath(index: SiteIndex, target: string): ResolvedPath {
  const queryAt = target.indexOf('?');
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  if (!rawPath.startsWith('/')) return MISSING;
  const rawSegments = rawPath.slice(1).split('/');
  const trailingSlash = rawSegments.at(-1) === '';
  if (trailingSlash) rawSegments.pop();
  const segments: string[] = [];
  for (const raw of rawSegments) {
    const segment = decodeSegment(raw);
    if (segment === null || segment === '') return MISSING;
    segments.push(segment);
  }
  const path = `/${segments.join('/')}`;
  if (trailingSlash) {
    const entry = index.files.get(path === '/' ? '/index.html' : `${path}/index.html`);
    return entry ? { kind: 'file', entry } : MISSING;
  }
  const entry = index.files.get(path);
  if (entry) return { kind: 'file', entry };
  if (index.folders.has(path)) {
    const encoded = segments.map((segment) => encodeURIComponent(segment)).join('/');
    const query = queryAt === -1 ? '' : `?${headerSafeQuery(target.slice(queryAt + 1))}`;
    return { kind: 'redirect', location: `/${encoded}/${query}` };
  }
  return MISSING;
}
