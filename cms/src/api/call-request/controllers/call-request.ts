import type { Core } from '@strapi/strapi';
import { parseCallRequest } from '../form/parse-call-request';
import { readFormSettings } from '../form/form-settings';
import { createFormRateLimiter } from '../form/rate-limit';
import { errorBody, redirectTarget } from '../form/respond';
import { storeCallRequest } from '../services/store-call-request';

interface Ctx {
  request: {
    body?: unknown;
    is(...types: string[]): string | false | null;
    length?: number;
    ip: string;
    ips: string[];
    accepts(...types: string[]): string | false;
  };
  get(header: string): string;
  set(header: string, value: string): void;
  status: number;
  body: unknown;
  redirect(url: string): void;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = readFormSettings(process.env);
  const consume = createFormRateLimiter({
    points: settings.rateLimitPoints,
    durationSeconds: settings.rateLimitWindowSeconds,
  });

  return {
    /**
     * `POST /api/call-requests`: the request-a-call form. Form posts (no JavaScript) get a
     * 303 to the thanks page or back to the form with an error code; JSON posts get JSON.
     * `global::call-request-guard` has already set no-store and refused oversized bodies.
     */
    async submit(ctx: Ctx) {
      const wantsJson =
        ctx.request.is('application/json') === 'application/json' || ctx.request.accepts('html', 'json') === 'json';
      const reply = (status: number, body: unknown) => {
        ctx.status = status;
        ctx.body = body;
      };

      const type = ctx.request.is('application/json', 'application/x-www-form-urlencoded');
      if (!type) {
        return reply(
          415,
          errorBody(
            415,
            'UnsupportedMediaTypeError',
            'Send the form as application/x-www-form-urlencoded or application/json.',
          ),
        );
      }

      const client = settings.trustProxy ? (ctx.request.ips[0] ?? ctx.request.ip) : ctx.request.ip;
      const limit = await consume(client);
      if (!limit.allowed) {
        ctx.set('Retry-After', String(limit.retryAfterSeconds));
        return reply(
          429,
          errorBody(
            429,
            'RateLimitError',
            `Too many requests. Please try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minute(s), or call us.`,
          ),
        );
      }

      const result = parseCallRequest(ctx.request.body, { now: Date.now(), minFillMs: settings.minFillMs });
      if (result.kind === 'bot') {
        // Answer as if it worked, so the bot learns nothing; store nothing.
        if (wantsJson) return reply(201, { data: { received: true } });
        ctx.status = 303;
        return ctx.redirect(redirectTarget(settings.siteUrl, { ok: true }));
      }
      if (result.kind === 'invalid') {
        const [first] = result.errors;
        if (wantsJson || !first)
          return reply(400, errorBody(400, 'ValidationError', first?.message ?? 'Invalid form', result.errors));
        ctx.status = 303;
        return ctx.redirect(
          redirectTarget(settings.siteUrl, { ok: false, code: first.code, sourcePage: result.sourcePage }),
        );
      }

      const stored = await storeCallRequest(strapi, result.data);
      if (!stored.ok) {
        if (wantsJson) return reply(400, errorBody(400, 'ValidationError', stored.error.message, [stored.error]));
        ctx.status = 303;
        return ctx.redirect(
          redirectTarget(settings.siteUrl, { ok: false, code: stored.error.code, sourcePage: result.data.sourcePage }),
        );
      }
      if (wantsJson) return reply(201, { data: { received: true } });
      ctx.status = 303;
      ctx.redirect(redirectTarget(settings.siteUrl, { ok: true }));
    },
  };
};
