import type { IncomingMessage } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { readFormSettings } from '../api/call-request/form/form-settings';
import { substituteRequestStream } from '../strapi/internals';

interface Ctx {
  method: string;
  path: string;
  req: IncomingMessage;
  request: { length?: number };
  get(header: string): string;
  set(header: string, value: string): void;
  status: number;
  body: unknown;
}

/** Raised inside the body stream when a form post passes the byte limit. */
export class FormBodyTooLargeError extends Error {
  readonly status = 413;
  constructor(readonly maxBytes: number) {
    super(`The form may be at most ${maxBytes} bytes.`);
  }
}

/**
 * A pass-through that counts bytes as they arrive and fails at `maxBytes + 1`: the limit
 * holds for chunked bodies, which carry no `Content-Length` to check up front.
 */
export function createByteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) return done(new FormBodyTooLargeError(maxBytes));
      done(null, chunk);
    },
  });
}

function refuse(ctx: Ctx, status: number, name: string, message: string): void {
  // The rest of an oversized body is never read: the connection closes after the answer.
  ctx.set('Connection', 'close');
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: {} } };
}

/**
 * Runs before Strapi parses bodies, for `POST /api/call-requests` only: marks every
 * answer `no-store` (even the body parser's own errors), refuses compressed bodies and
 * bodies over the limit, counted in bytes as they arrive (chunked or not), before the
 * parser sees a complete one.
 */
export default () => {
  const { maxBodyBytes } = readFormSettings(process.env);
  return async (ctx: Ctx, next: () => Promise<void>) => {
    if (ctx.path !== '/api/call-requests') return next();
    ctx.set('Cache-Control', 'no-store');
    if (ctx.method !== 'POST') return next();
    const tooLarge = `The form may be at most ${maxBodyBytes} bytes. Please shorten your message, or call us.`;
    if ((ctx.request.length ?? 0) > maxBodyBytes) return refuse(ctx, 413, 'PayloadTooLargeError', tooLarge);
    const encoding = ctx.get('Content-Encoding').trim().toLowerCase();
    // A compressed body would be inflated after the count: a few KB could become megabytes.
    if (encoding && encoding !== 'identity')
      return refuse(ctx, 415, 'UnsupportedMediaTypeError', 'Send the form without Content-Encoding.');

    const original = ctx.req;
    const limited = Object.assign(createByteLimit(maxBodyBytes), { headers: original.headers });
    original.pipe(limited);
    // The body parser reads `ctx.req`; it now reads through the counter.
    substituteRequestStream(ctx, limited);
    try {
      await next();
    } catch (error) {
      // raw-body under the parser may hand the stream's error on, or its own 413 for a declared length.
      const status = (error as { status?: unknown } | null)?.status;
      if (!(error instanceof FormBodyTooLargeError) && status !== 413) throw error;
      original.unpipe(limited);
      refuse(ctx, 413, 'PayloadTooLargeError', tooLarge);
    } finally {
      ctx.req = original;
    }
  };
};
