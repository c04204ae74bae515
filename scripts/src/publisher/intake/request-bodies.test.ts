import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLargeError } from '../errors.ts';
import { WEBHOOK_BODY_LIMIT_BYTES, createHooksHandler } from './hooks-server.ts';
import { silentLogger } from '../logger.ts';
import { readBody } from './read-body.ts';
import { SiteHandler } from '../serve/site-server.ts';

const SECRET = 'request-bodies-secret-0123456789';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    ),
  );
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

interface EndlessUpload {
  status: number;
  /** Body bytes written before the server closed the connection. */
  sentBytes: number;
}

/**
 * Sends `head` and then a chunked body that never ends, until the server closes the connection
 * (or 3 s pass, which fails the test): what a client trying to exhaust the server does.
 */
function sendEndlessChunkedBody(port: number, head: string): Promise<EndlessUpload> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunk = `${(16 * 1024).toString(16)}\r\n${'x'.repeat(16 * 1024)}\r\n`;
    let sentBytes = 0;
    let answer = '';
    const pump = (): void => {
      if (socket.destroyed || !socket.writable) return;
      sentBytes += 16 * 1024;
      if (socket.write(chunk)) setImmediate(pump);
      else socket.once('drain', pump);
    };
    socket.on('connect', () => {
      socket.write(`${head}\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n`);
      pump();
    });
    socket.on('data', (data: Buffer) => (answer += data.toString('latin1')));
    socket.on('error', () => {});
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connection still open after 3 s (answer: ${answer.split('\r\n')[0] ?? 'none'})`));
    }, 3000);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0), sentBytes });
    });
  });
}

describe('request bodies', () => {
  it('counts bytes, not characters, against the limit', async () => {
    const port = await listen((req, res) => {
      readBody(req, 10).then(
        (body) => res.end(`ok ${body.length}`),
        (error: unknown) => {
          res.writeHead(error instanceof BodyTooLargeError ? 413 : 500);
          res.end();
        },
      );
    });
    const post = (body: string) => fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body });
    expect((await post('é'.repeat(5))).status).toBe(200);
    // Six characters, twelve bytes.
    expect((await post('é'.repeat(6))).status).toBe(413);
  });

  it('stops reading an endless chunked webhook past the limit: 413, connection closed', async () => {
    const port = await listen(
      createHooksHandler({
        secret: SECRET,
        logger: silentLogger,
        onWebhook: () => {},
        onForceRebuild: () => {},
        status: () => ({}),
      }),
    );
    const upload = await sendEndlessChunkedBody(port, `POST /hooks/strapi HTTP/1.1\r\nAuthorization: Bearer ${SECRET}`);
    expect(upload.status).toBe(413);
    // The limit, plus what fits in the sockets' buffers.
    expect(upload.sentBytes).toBeLessThan(WEBHOOK_BODY_LIMIT_BYTES + 8 * 1024 * 1024);
  });

  it.each([
    ['an unknown hooks path', 'POST /nope HTTP/1.1', 404],
    ['the hooks status', 'GET /status HTTP/1.1', 200],
    ['an unauthenticated webhook', 'POST /hooks/strapi HTTP/1.1', 401],
  ])('closes the connection instead of draining an endless body sent to %s', async (_label, head, status) => {
    const port = await listen(
      createHooksHandler({
        secret: SECRET,
        logger: silentLogger,
        onWebhook: () => {},
        onForceRebuild: () => {},
        status: () => ({}),
      }),
    );
    expect((await sendEndlessChunkedBody(port, head)).status).toBe(status);
  });

  it.each([
    ['a POST to a page', 'POST / HTTP/1.1', 405],
    ['a GET with a body', 'GET / HTTP/1.1', 503],
  ])('site listener: closes the connection instead of draining an endless body on %s', async (_label, head, status) => {
    const site = new SiteHandler(undefined, undefined, silentLogger);
    const port = await listen(site.handle);
    expect((await sendEndlessChunkedBody(port, head)).status).toBe(status);
  });
});
