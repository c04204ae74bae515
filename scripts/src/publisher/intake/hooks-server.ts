import type { IncomingMessage, ServerResponse } from 'node:http';
import { changesPublicSite, publishEventSchema, type PublishEvent } from '@clinic/shared-types';
import { isAuthorized } from './check-authorization.ts';
import { BodyTooLargeError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { closeIfBodyUnread, readBody } from './read-body.ts';
import { describeWebhookIssue } from './describe-webhook-issue.ts';

/** Strapi's webhook bodies are a few kilobytes; anything near this is not one. */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

export interface HooksHandlerOptions {
  secret: string;
  logger: Logger;
  /** A webhook that passed every check; `rebuild` is the publishing contract's `changesPublicSite`. */
  onWebhook: (webhook: PublishEvent, rebuild: boolean) => void;
  /** `POST /hooks/rebuild`. */
  onForceRebuild: () => void;
  /** The body of `GET /status`. */
  status: () => unknown;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/**
 * Answers without reading the rest of the body, then drops the connection: an unauthenticated
 * or oversized upload is not worth receiving.
 */
function sendJsonAndClose(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.on('finish', () => req.socket.destroy());
  sendJson(res, status, body, { Connection: 'close', ...headers });
}

const ROUTES = new Map<string, readonly string[]>([
  ['/hooks/strapi', ['POST']],
  ['/hooks/rebuild', ['POST']],
  ['/status', ['GET', 'HEAD']],
]);

/**
 * The hooks listener: `POST /hooks/strapi` (Strapi's webhook), `POST /hooks/rebuild` (force a
 * build) and `GET /status`. It answers at once; builds run later, off the request.
 */
export function createHooksHandler(options: HooksHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { logger } = options;

  async function receive(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (!isAuthorized(req.headers.authorization, options.secret)) {
      logger.info(`[hooks] ${path} refused: missing or wrong bearer secret`);
      sendJsonAndClose(
        req,
        res,
        401,
        { error: 'missing or wrong Authorization: Bearer secret' },
        {
          'WWW-Authenticate': 'Bearer realm="publisher"',
        },
      );
      return;
    }

    let body: Buffer;
    try {
      body = await readBody(req, WEBHOOK_BODY_LIMIT_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        logger.info(`[hooks] ${path} refused: body over ${WEBHOOK_BODY_LIMIT_BYTES} bytes`);
        sendJsonAndClose(req, res, 413, { error: error.message });
      } else {
        req.socket.destroy();
      }
      return;
    }

    if (path === '/hooks/rebuild') {
      logger.info('[hooks] forced rebuild requested');
      options.onForceRebuild();
      sendJson(res, 202, { accepted: true, rebuild: true });
      return;
    }

    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      logger.info(`[hooks] ${path} refused: body is not JSON`);
      sendJson(res, 400, { error: 'body is not valid JSON' });
      return;
    }
    const parsed = publishEventSchema.safeParse(json);
    if (!parsed.success) {
      const issue = describeWebhookIssue(parsed.error);
      logger.info(`[hooks] ${path} refused: not a Strapi webhook (${issue})`);
      sendJson(res, 400, { error: `not a Strapi webhook: ${issue}` });
      return;
    }

    const webhook = parsed.data;
    const rebuild = changesPublicSite(webhook);
    const subject = webhook.uid ?? webhook.model ?? '';
    logger.info(
      `[hooks] ${webhook.event}${subject ? ` ${subject}` : ''} -> ${rebuild ? 'build scheduled' : 'ignored'}`,
    );
    options.onWebhook(webhook, rebuild);
    sendJson(res, 202, { accepted: true, rebuild });
  }

  function fail(res: ServerResponse, path: string, error: unknown): void {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    logger.error(`[hooks] ${path} failed: ${reason}`);
    if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    else res.destroy();
  }

  function route(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (path !== '/hooks/strapi' && path !== '/hooks/rebuild') closeIfBodyUnread(req, res);
    const methods = ROUTES.get(path);
    if (!methods) {
      sendJson(res, 404, { error: `no route ${path}` });
      return;
    }
    if (!methods.includes(req.method ?? '')) {
      closeIfBodyUnread(req, res);
      sendJson(res, 405, { error: `${req.method} not allowed on ${path}` }, { Allow: methods.join(', ') });
      return;
    }
    if (path === '/status') {
      sendJson(res, 200, options.status());
      return;
    }
    receive(req, res, path).catch((error: unknown) => fail(res, path, error));
  }

  // A throw stays inside its request: a logged 500, never the process's end.
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    try {
      route(req, res, path);
    } catch (error) {
      fail(res, path, error);
    }
  };
}
