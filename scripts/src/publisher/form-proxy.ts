import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** The only path the site forwards: the request-a-call form. Everything else is static. */
export const FORM_PATH = '/api/call-requests';

const FORWARDED_REQUEST_HEADERS = ['content-type', 'content-length', 'accept', 'user-agent'];
const RELAYED_RESPONSE_HEADERS = ['content-type', 'content-length', 'location', 'cache-control', 'retry-after'];

/**
 * Forwards `POST /api/call-requests` to the CMS, so the form posts to the site's own
 * origin: what a visitor types never goes to another host, and the CMS need not be
 * public. The client address goes along in `X-Forwarded-For` for the rate limit.
 */
export function createFormProxy(target: URL, { timeoutMs = 15_000 } = {}) {
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return function proxyForm(req: IncomingMessage, res: ServerResponse): void {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const client = req.socket.remoteAddress ?? '';
    // Set, not appended: a visitor-supplied X-Forwarded-For would let them dodge the rate limit.
    headers['x-forwarded-for'] = client;
    const upstream = send(target, { method: 'POST', headers, timeout: timeoutMs }, (answer) => {
      const relayed: Record<string, string> = {};
      for (const name of RELAYED_RESPONSE_HEADERS) {
        const value = answer.headers[name];
        if (typeof value === 'string') relayed[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, relayed);
      answer.pipe(res);
    });
    const fail = () => {
      if (res.headersSent) return res.destroy();
      const body = JSON.stringify({
        data: null,
        error: {
          status: 502,
          name: 'BadGatewayError',
          message: 'We could not send your request just now. Please call us instead.',
        },
      });
      res.writeHead(502, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(body);
    };
    upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
    upstream.on('error', fail);
    req.pipe(upstream);
  };
}
