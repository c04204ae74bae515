import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** The only path the site forwards: the request-a-call form. Everything else is static. */
export const FORM_PATH = '/api/call-requests';

/** The form is a few hundred bytes; 16 KB leaves room and stops a flood before the CMS sees it. */
export const DEFAULT_FORM_MAX_BYTES = 16 * 1024;

const FORWARDED_REQUEST_HEADERS = ['content-type', 'content-length', 'accept', 'user-agent', 'idempotency-key'];
const RELAYED_RESPONSE_HEADERS = ['content-type', 'content-length', 'location', 'cache-control', 'retry-after'];

/** The languages the form is in; a post that names none is English. */
export type FormProxyLanguage = 'en' | 'es';

/**
 * What the proxy itself tells a visitor, in each language of the form. `unavailable` is for
 * a CMS that did not answer in time or at all: the post may have been stored (a slow CMS
 * finishes after we give up), so it says so instead of "failed".
 */
export const FORM_PROXY_MESSAGES: Record<FormProxyLanguage, { tooLarge: string; unavailable: string }> = {
  en: {
    tooLarge: 'The form is too large. Please shorten your message, or call us instead.',
    unavailable:
      'We could not confirm your request just now. It may have reached us: if you are not sure, please call us instead.',
  },
  es: {
    tooLarge: 'El formulario es demasiado largo. Acorte su mensaje, o llámenos.',
    unavailable:
      'No pudimos confirmar su solicitud en este momento. Es posible que nos haya llegado: si no está seguro, llámenos.',
  },
};

export const FORM_UNAVAILABLE_MESSAGE = FORM_PROXY_MESSAGES.en.unavailable;

/**
 * The language of the proxy's own answers, from the form's action (`/api/call-requests?language=es`,
 * written by the site's Spanish pages). Not the body's `language` field, which the CMS reads:
 * the proxy streams the body and answers a 413 or a dead CMS without reading it. Not the
 * Referer either: the site sends none (`Referrer-Policy: no-referrer`). Anything else is English.
 */
export function formLanguageOf(url: string | undefined): FormProxyLanguage {
  const query = url?.split('?')[1] ?? '';
  return new URLSearchParams(query).get('language')?.toLowerCase() === 'es' ? 'es' : 'en';
}

function answerJson(res: ServerResponse, status: number, name: string, message: string): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  res.end(JSON.stringify({ data: null, error: { status, name, message } }));
}

/**
 * Forwards `POST /api/call-requests` to the CMS, so the form posts to the site's own
 * origin: what a visitor types never goes to another host, and the CMS need not be
 * public. The client address goes along in `X-Forwarded-For` (set from the socket, never
 * taken from the visitor) for the CMS's per-visitor rate limit, and the enhanced form's
 * `Idempotency-Key` so a retry after a timeout stores one request. Bodies are counted in
 * bytes as they arrive, chunked or not: past `maxBytes` the post is refused with 413.
 * Its own answers are in the language the form's action names (`formLanguageOf`); the
 * query goes no further (the CMS reads the body's `language`).
 */
export function createFormProxy(target: URL, { timeoutMs = 15_000, maxBytes = DEFAULT_FORM_MAX_BYTES } = {}) {
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return function proxyForm(req: IncomingMessage, res: ServerResponse): void {
    const messages = FORM_PROXY_MESSAGES[formLanguageOf(req.url)];
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      answerJson(res, 413, 'PayloadTooLargeError', messages.tooLarge);
      return void req.resume();
    }
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    // Set, not appended: a visitor-supplied X-Forwarded-For would let them choose their bucket.
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    let settled = false;
    const upstream = send(target, { method: 'POST', headers, timeout: timeoutMs }, (answer) => {
      settled = true;
      const relayed: Record<string, string> = {};
      for (const name of RELAYED_RESPONSE_HEADERS) {
        const value = answer.headers[name];
        if (typeof value === 'string') relayed[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, relayed);
      answer.pipe(res);
    });
    const fail = (status: 413 | 502 | 504) => {
      if (settled) return;
      settled = true;
      upstream.destroy();
      if (res.headersSent) return res.destroy();
      if (status === 413) answerJson(res, 413, 'PayloadTooLargeError', messages.tooLarge);
      else answerJson(res, status, status === 504 ? 'GatewayTimeoutError' : 'BadGatewayError', messages.unavailable);
    };
    upstream.on('timeout', () => fail(504));
    upstream.on('error', () => fail(502));
    let seen = 0;
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) {
        req.unpipe(upstream);
        fail(413);
      }
    });
    req.pipe(upstream);
  };
}
