import { readFormSettings } from '../api/call-request/form/form-settings';

interface Ctx {
  method: string;
  path: string;
  request: { length?: number };
  set(header: string, value: string): void;
  status: number;
  body: unknown;
}

/**
 * Runs before Strapi parses bodies, for `POST /api/call-requests` only: marks every
 * answer `no-store` (even the body parser's own errors) and refuses an oversized body
 * before reading it.
 */
export default () => {
  const { maxBodyBytes } = readFormSettings(process.env);
  return async (ctx: Ctx, next: () => Promise<void>) => {
    if (ctx.path !== '/api/call-requests') return next();
    ctx.set('Cache-Control', 'no-store');
    if (ctx.method === 'POST' && (ctx.request.length ?? 0) > maxBodyBytes) {
      ctx.status = 413;
      ctx.body = {
        data: null,
        error: {
          status: 413,
          name: 'PayloadTooLargeError',
          message: `The form may be at most ${maxBodyBytes} bytes.`,
          details: {},
        },
      };
      return;
    }
    await next();
  };
};
