import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv, { type RequestHandler } from 'sirv';
import { FORM_PATH } from './form-proxy.ts';
import { SECURITY_HEADERS, type SecurityHeader } from './security-headers.ts';

/** Hashed asset names change with their content, so browsers may keep them for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** HTML and other stable names: cache, but revalidate (ETag) on every use. */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';
const HASHED_ASSET_PREFIX = '/_astro/';
const BUILDING_RETRY_AFTER_SECONDS = 5;

interface NotFoundVariant {
  path: string;
  size: number;
  encoding: 'br' | 'gzip' | null;
}

/** One build ready to answer requests; immutable once made. */
export interface ServedBuild {
  id: string;
  dir: string;
  serve: RequestHandler;
  notFound: NotFoundVariant[];
}

function fileSize(path: string): number | null {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats.size : null;
  } catch {
    return null;
  }
}

/** Indexes a build folder for serving (sirv lists its files once, up front). */
export function createServedBuild(id: string, dir: string): ServedBuild {
  const serve = sirv(dir, { dev: false, etag: true, brotli: true, gzip: true, extensions: ['html'] });
  const notFound: NotFoundVariant[] = [];
  for (const [suffix, encoding] of [
    ['.br', 'br'],
    ['.gz', 'gzip'],
    ['', null],
  ] as const) {
    const path = join(dir, `404.html${suffix}`);
    const size = fileSize(path);
    if (size !== null) notFound.push({ path, size, encoding });
  }
  return { id, dir, serve, notFound };
}

function acceptsEncoding(req: IncomingMessage, encoding: 'br' | 'gzip'): boolean {
  const accepted = req.headers['accept-encoding'] ?? '';
  return encoding === 'br' ? /\b(br|brotli)\b/i.test(accepted) : /\bgzip\b/i.test(accepted);
}

function sendNotFound(req: IncomingMessage, res: ServerResponse, build: ServedBuild): void {
  const variant = build.notFound.find((v) => v.encoding === null || acceptsEncoding(req, v.encoding));
  res.setHeader('Cache-Control', REVALIDATE_CACHE_CONTROL);
  if (!variant) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
    return;
  }
  res.writeHead(404, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': variant.size,
    ...(variant.encoding ? { 'Content-Encoding': variant.encoding } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(variant.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

function sendBuilding(req: IncomingMessage, res: ServerResponse): void {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${BUILDING_RETRY_AFTER_SECONDS}"><title>Site is being built</title></head>
<body><main><h1>The site is being built</h1><p>Please try again in a few seconds.</p>
<p>If you need help right now, call or text 988 (Suicide &amp; Crisis Lifeline), or call the SAMHSA helpline at 1-800-662-4357.</p></main></body></html>
`;
  res.writeHead(503, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'Retry-After': String(BUILDING_RETRY_AFTER_SECONDS),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Serves the live build. The builds are swapped as one value, and each request reads that value
 * once, so a request is answered from a single build even when a new one goes live meanwhile.
 * A hashed asset missing from the live build is looked up in the kept previous builds: a page
 * loaded just before a switch still finds the CSS and JS it references.
 */
export class SiteHandler {
  #builds: readonly ServedBuild[] = [];

  /**
   * @param proxyForm forwards the request-a-call form to the CMS (see form-proxy.ts)
   * @param headers sent on every response, whatever its status (see security-headers.ts)
   */
  constructor(
    private readonly proxyForm?: (req: IncomingMessage, res: ServerResponse) => void,
    private readonly headers: readonly SecurityHeader[] = SECURITY_HEADERS,
  ) {}

  /** The live build first, then the kept previous builds, newest first. */
  setBuilds(builds: readonly ServedBuild[]): void {
    this.#builds = builds;
  }

  get live(): ServedBuild | null {
    return this.#builds[0] ?? null;
  }

  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    const builds = this.#builds;
    // Set first, so pages, 304s, 404s, 503s, 405s and relayed form answers all carry them.
    for (const [name, value] of this.headers) res.setHeader(name, value);
    if (this.proxyForm && req.method === 'POST' && (req.url ?? '').split('?')[0] === FORM_PATH) {
      this.proxyForm(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return;
    }
    const live = builds[0];
    if (!live) {
      sendBuilding(req, res);
      return;
    }
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const hashed = pathname.startsWith(HASHED_ASSET_PREFIX);
    // Set before sirv runs so its 304 answers carry them too.
    res.setHeader('Cache-Control', hashed ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL);
    res.setHeader('Vary', 'Accept-Encoding');
    const candidates = hashed ? builds : [live];
    const tryBuild = (index: number): void => {
      const build = candidates[index];
      if (build) build.serve(req, res, () => tryBuild(index + 1));
      else sendNotFound(req, res, live);
    };
    tryBuild(0);
  };
}
