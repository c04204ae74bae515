import { Readable } from 'node:stream';

type Headers = Record<string, string | string[] | number | undefined>;

/** What this middleware reads and sets of Koa's context. */
export interface RevalidationCtx {
  method: string;
  path: string;
  status: number;
  body: unknown;
  request: { header: Headers };
  response: { header: Headers };
}

const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Whether the asker's copy is current (RFC 9110 13.1.2 and 13.1.3, as an origin server
 * evaluates them): If-None-Match against the ETag when sent, else If-Modified-Since against
 * Last-Modified. A request's `Cache-Control: no-cache` does not matter here: it tells caches on
 * the way to ask the origin, and Node's fetch adds it to every conditional request (which is
 * why Koa's `ctx.fresh`, written for caches, never saw Astro's revalidations as fresh).
 */
export function isNotModified(request: Headers, response: Headers): boolean {
  const ifNoneMatch = header(request, 'if-none-match');
  if (ifNoneMatch !== undefined) {
    const etag = header(response, 'etag');
    if (etag === undefined) return false;
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
  }
  const since = Date.parse(header(request, 'if-modified-since') ?? '');
  const modified = Date.parse(header(response, 'last-modified') ?? '');
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
}

/**
 * Uploads answer a conditional GET with 304 Not Modified when the asker's copy is current.
 * Strapi's static server (local provider) sets Last-Modified from the file but sends the whole
 * file whatever the request says, so the site's build, which revalidates each image it encoded
 * before, downloaded and re-encoded every upload on every publish (a text edit rebuilt 714
 * image files with 50 photos). A replaced file ("Replace media" keeps its URL) has a newer
 * modification time, so it is sent again.
 */
export default () => async (ctx: RevalidationCtx, next: () => Promise<void>) => {
  await next();
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return;
  if (!ctx.path.startsWith('/uploads/') || ctx.status !== 200) return;
  if (!isNotModified(ctx.request.header, ctx.response.header)) return;
  // The file's stream is already open: close it rather than leave its descriptor to the GC.
  if (ctx.body instanceof Readable) ctx.body.destroy();
  ctx.status = 304;
  ctx.body = null;
};
