import { createReadStream } from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { FORM_PATH } from './form-proxy.ts';
import { consoleLogger, type Logger } from '../logger.ts';
import { CONTENT_CODINGS, negotiateEncoding, type ContentCoding } from './negotiate-encoding.ts';
import { closeIfBodyUnread } from '../intake/read-body.ts';
import { SECURITY_HEADERS, contentSecurityPolicyFor, type SecurityHeader } from './security-headers.ts';
import { indexSite, resolveRequestPath, type IndexedFile, type SiteEntry, type SiteIndex } from './site-index.ts';
import { loadRedirectLookup, lookUpRedirect, type RedirectLookup } from './redirect-lookup.ts';
import { GONE_PAGE } from '@clinic/shared-types';

/** Hashed asset names change with their content, so browsers may keep them for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** HTML and other stable names: cache, but revalidate (ETag) on every use. */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';
const HASHED_ASSET_PREFIX = '/_astro/';
const BUILDING_RETRY_AFTER_SECONDS = 5;
const NOT_FOUND_PAGE = '/404.html';

/** One build ready to answer requests; immutable once made. */
export interface ServedBuild {
  id: string;
  dir: string;
  index: SiteIndex;
  /** The build's redirect table (`_redirects.json`), answered only when no file matches. */
  redirects: RedirectLookup;
}

/**
 * Indexes a build folder for serving, once, before it goes live.
 *
 * Our own handler instead of sirv: sirv 3.0.2 crashed the process on a reversed or huge `Range`
 * (its `send` throws ERR_OUT_OF_RANGE outside any handler), answered other ranges wrongly,
 * ignored `q=0` in `Accept-Encoding` and served `.br`/`.gz` siblings by name. Fixing that around
 * it meant rewriting every header it reads, so all it still did was list files and map content
 * types; both are a few lines over a build that never changes once live.
 */
export function createServedBuild(id: string, dir: string): ServedBuild {
  return { id, dir, index: indexSite(dir), redirects: loadRedirectLookup(dir) };
}

function availableCodings(entry: SiteEntry): ContentCoding[] {
  return CONTENT_CODINGS.filter((coding) => entry.variants[coding] !== undefined);
}

/** Weak validator of one representation: each coding has its own (RFC 9110 §8.8.3). */
function etagOf(file: IndexedFile): string {
  return `W/"${file.size}-${Math.floor(file.mtimeMs)}"`;
}

function opaqueTag(tag: string): string {
  const trimmed = tag.trim();
  return trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed;
}

/**
 * RFC 9110 §13.1.2-3 for GET and HEAD: `If-None-Match` (weak comparison, a list, or `*`) decides
 * when present; otherwise `If-Modified-Since`, when it is a date, against the second the file was
 * written. Anything unparseable means "send it".
 */
export function isNotModified(req: IncomingMessage, etag: string, mtimeMs: number): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === '*') return true;
    const ours = opaqueTag(etag);
    return ifNoneMatch.split(',').some((tag) => opaqueTag(tag) === ours);
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}

/**
 * Streams `file` once it is open, so a file that vanished (a pruned build) still gets a clean
 * answer instead of a broken one; the stream is closed with the response either way.
 */
function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  file: IndexedFile,
  onOpenError: (error: Error) => void,
): void {
  const all = { ...headers, 'Content-Length': file.size };
  if (req.method === 'HEAD') {
    res.writeHead(status, all);
    res.end();
    return;
  }
  const stream = createReadStream(file.path);
  res.once('close', () => stream.destroy());
  stream.once('error', (error) => {
    if (!res.headersSent) onOpenError(error);
    else res.destroy();
  });
  stream.once('open', () => {
    res.writeHead(status, all);
    pipeline(stream, res, () => {});
  });
}

function sendText(res: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sendNotFound(req: IncomingMessage, res: ServerResponse, build: ServedBuild): void {
  sendErrorPage(req, res, build, 404, NOT_FOUND_PAGE, 'Not found\n');
}

/** A page of the build (404.html, 410/index.html) with an error status; plain text if it is missing. */
function sendErrorPage(
  req: IncomingMessage,
  res: ServerResponse,
  build: ServedBuild,
  status: 404 | 410,
  pagePath: string,
  fallback: string,
): void {
  res.setHeader('Cache-Control', REVALIDATE_CACHE_CONTROL);
  const page = build.index.files.get(pagePath);
  if (!page) {
    sendText(res, status, fallback);
    return;
  }
  const coding = negotiateEncoding(req.headers['accept-encoding'], availableCodings(page));
  const file = (coding && page.variants[coding]) ?? page;
  const headers: OutgoingHttpHeaders = {
    'Content-Type': 'text/html; charset=utf-8',
    ...(coding ? { 'Content-Encoding': coding } : {}),
  };
  sendFile(req, res, status, headers, file, () => sendText(res, status, fallback));
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
   * @param logger where a request that failed is reported
   */
  constructor(
    private readonly proxyForm?: (req: IncomingMessage, res: ServerResponse) => void,
    private readonly headers: readonly SecurityHeader[] = SECURITY_HEADERS,
    private readonly logger: Logger = consoleLogger,
  ) {}

  /** The live build first, then the kept previous builds, newest first. */
  setBuilds(builds: readonly ServedBuild[]): void {
    this.#builds = builds;
  }

  get live(): ServedBuild | null {
    return this.#builds[0] ?? null;
  }

  /**
   * Answers one request. Whatever goes wrong inside stays inside this request: a throw becomes
   * a logged 500 (or a closed connection once headers are out), never the process's end.
   */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    try {
      this.#serve(req, res);
    } catch (error) {
      this.#fail(req, res, error);
    }
  };

  #fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.logger.error(`[site] ${req.method ?? '?'} ${req.url ?? '?'} failed: ${reason}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    try {
      for (const name of ['Content-Encoding', 'ETag', 'Last-Modified', 'Location']) res.removeHeader(name);
      res.setHeader('Cache-Control', 'no-store');
      sendText(res, 500, 'Internal error\n');
    } catch {
      res.destroy();
    }
  }

  #serve(req: IncomingMessage, res: ServerResponse): void {
    const builds = this.#builds;
    // Set first, so pages, 304s, 404s, 503s, 405s and relayed form answers all carry them.
    for (const [name, value] of this.headers) res.setHeader(name, value);
    const target = req.url ?? '/';
    const csp = res.getHeader('Content-Security-Policy');
    if (typeof csp === 'string')
      res.setHeader('Content-Security-Policy', contentSecurityPolicyFor(target.split('?')[0] ?? '/', csp));
    if (this.proxyForm && req.method === 'POST' && target.split('?')[0] === FORM_PATH) {
      this.proxyForm(req, res);
      return;
    }
    // Nothing below reads a body.
    closeIfBodyUnread(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const live = builds[0];
    if (!live) {
      sendBuilding(req, res);
      return;
    }
    const hashed = target.startsWith(HASHED_ASSET_PREFIX);
    res.setHeader('Cache-Control', hashed ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL);
    res.setHeader('Vary', 'Accept-Encoding');
    // Only hashed assets fall back to the kept builds; pages and redirects come from the live one.
    for (const build of hashed ? builds : [live]) {
      const found = resolveRequestPath(build.index, target);
      if (found.kind === 'redirect') {
        sendText(res, 301, `Moved to ${found.location}\n`, { Location: found.location });
        return;
      }
      if (found.kind === 'file') {
        this.#sendEntry(req, res, found.entry, live);
        return;
      }
    }
    // Old paths (a slug change, an editor's redirect or 410) after the files: a page always wins.
    const redirect = lookUpRedirect(live.redirects, target);
    if (redirect?.status === 410) {
      sendErrorPage(req, res, live, 410, `${GONE_PAGE}index.html`, 'Gone\n');
      return;
    }
    if (redirect) {
      sendText(res, redirect.status, `Moved to ${redirect.location}\n`, { Location: redirect.location });
      return;
    }
    sendNotFound(req, res, live);
  }

  /**
   * `Range` is ignored (RFC 9110 §14.2 lets a server do so) and `Accept-Ranges: none` says so:
   * every file here is a page or asset of tens of kilobytes that browsers fetch whole, so
   * partial answers would buy nothing and were exactly where sirv broke.
   */
  #sendEntry(req: IncomingMessage, res: ServerResponse, entry: SiteEntry, live: ServedBuild): void {
    const coding = negotiateEncoding(req.headers['accept-encoding'], availableCodings(entry));
    const file = (coding && entry.variants[coding]) ?? entry;
    const etag = etagOf(file);
    const validators: OutgoingHttpHeaders = {
      ETag: etag,
      'Last-Modified': new Date(file.mtimeMs).toUTCString(),
    };
    if (isNotModified(req, etag, file.mtimeMs)) {
      res.writeHead(304, validators);
      res.end();
      return;
    }
    const headers: OutgoingHttpHeaders = {
      ...validators,
      'Content-Type': entry.contentType,
      'Accept-Ranges': 'none',
      ...(coding ? { 'Content-Encoding': coding } : {}),
    };
    sendFile(req, res, 200, headers, file, () => sendNotFound(req, res, live));
  }
}
