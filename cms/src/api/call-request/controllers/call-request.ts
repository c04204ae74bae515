import type { Core } from '@strapi/strapi';
import { createSubmissionDeduper, fingerprintRequest, IDEMPOTENCY_KEY } from '../form/dedupe-submissions';
import { parseCallRequest, type FormLanguage } from '../form/parse-call-request';
import { readFormSettings } from '../form/form-settings';
import { createFormRateLimiter } from '../form/rate-limit';
import { errorBody, rateLimitedMessage, redirectTarget } from '../form/respond';
import { storeCallRequest } from '../services/store-call-request';

interface Ctx {
  request: {
    body?: unknown;
    is(...types: string[]): string | false | null;
    ip: string;
    accepts(...types: string[]): string | false;
  };
  get(header: string): string;
  set(header: string, value: string): void;
  status: number;
  body: unknown;
  redirect(url: string): void;
}

type Stored = Awaited<ReturnType<typeof storeCallRequest>>;

/** Refused posts (invalid, or dropped as a bot) may come this many times more often than accepted ones. */
const REFUSED_POSTS_FACTOR = 4;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = readFormSettings(process.env);
  // Two budgets per visitor: one for requests we store, one for posts we refuse. A visitor
  // who mistypes, or a bot, never uses up the budget of requests that reach admissions.
  const consumeStored = createFormRateLimiter({
    points: settings.rateLimitPoints,
    durationSeconds: settings.rateLimitWindowSeconds,
  });
  const consumeRefused = createFormRateLimiter({
    points: settings.rateLimitPoints * REFUSED_POSTS_FACTOR,
    durationSeconds: settings.rateLimitWindowSeconds,
  });
  const submissions = createSubmissionDeduper<Stored>({ windowMs: settings.rateLimitWindowSeconds * 1000 });

  return {
    /**
     * `POST /api/call-requests`: the request-a-call form. Form posts (no JavaScript) get a
     * 303 to the thanks page or back to the form with an error code; JSON posts get JSON.
     * Either way in the post's `language`: the Spanish thanks page, Spanish messages.
     * `global::call-request-guard` has already set no-store and refused oversized bodies.
     * The client is `ctx.request.ip`: the socket's address, or the last X-Forwarded-For
     * entry when `CALL_REQUEST_TRUST_PROXY=true` (config/server.ts).
     */
    async submit(ctx: Ctx) {
      const scripted = ctx.request.is('application/json') === 'application/json';
      const wantsJson = scripted || ctx.request.accepts('html', 'json') === 'json';
      const reply = (status: number, body: unknown) => {
        ctx.status = status;
        ctx.body = body;
      };
      const limited = (retryAfterSeconds: number, language: FormLanguage) => {
        ctx.set('Retry-After', String(retryAfterSeconds));
        return reply(429, errorBody(429, 'RateLimitError', rateLimitedMessage(language, retryAfterSeconds)));
      };
      const succeed = (language: FormLanguage) => {
        if (wantsJson) return reply(201, { data: { received: true } });
        ctx.status = 303;
        ctx.redirect(redirectTarget(settings.siteUrl, { ok: true, language }));
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

      const client = ctx.request.ip;
      const result = parseCallRequest(ctx.request.body, { now: Date.now(), minFillMs: settings.minFillMs, scripted });
      const language = result.kind === 'valid' ? result.data.language : result.language;
      if (result.kind !== 'valid') {
        const limit = await consumeRefused(client);
        if (!limit.allowed) return limited(limit.retryAfterSeconds, language);
      }
      // Answer as if it worked, so the bot learns nothing; store nothing.
      if (result.kind === 'bot') return succeed(language);
      if (result.kind === 'invalid') {
        const [first] = result.errors;
        if (wantsJson || !first)
          return reply(400, errorBody(400, 'ValidationError', first?.message ?? 'Invalid form', result.errors));
        ctx.status = 303;
        return ctx.redirect(
          redirectTarget(settings.siteUrl, { ok: false, code: first.code, sourcePage: result.sourcePage, language }),
        );
      }

      // A retry (same idempotency key) or the same request again (same fingerprint) within
      // the window gets the first one's answer: one stored request, no budget spent.
      const idempotencyKey = ctx.get('Idempotency-Key').trim();
      const keys = [
        `request:${fingerprintRequest(result.data)}`,
        ...(IDEMPOTENCY_KEY.test(idempotencyKey) ? [`key:${idempotencyKey}`] : []),
      ];
      let stored = submissions.find(keys);
      if (!stored) {
        const limit = await consumeStored(client);
        if (!limit.allowed) return limited(limit.retryAfterSeconds, language);
        stored = submissions.record(
          keys,
          () => storeCallRequest(strapi, result.data),
          (outcome) => outcome.ok,
        );
      }
      const outcome = await stored;
      if (!outcome.ok) {
        if (wantsJson) return reply(400, errorBody(400, 'ValidationError', outcome.error.message, [outcome.error]));
        ctx.status = 303;
        return ctx.redirect(
          redirectTarget(settings.siteUrl, {
            ok: false,
            code: outcome.error.code,
            sourcePage: result.data.sourcePage,
            language,
          }),
        );
      }
      succeed(language);
    },
  };
};
