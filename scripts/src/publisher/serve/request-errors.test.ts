import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHooksHandler } from '../intake/hooks-server.ts';
import type { Logger } from '../logger.ts';
import { SiteHandler } from './site-server.ts';
import { rawRequest } from '../testing/fake-site.ts';

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => {}, error: (line) => errors.push(line) };
}

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

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('a request that throws', () => {
  it('gets a logged 500 from the site listener, which keeps serving', async () => {
    const logger = recordingLogger();
    const site = new SiteHandler(
      () => {
        throw new Error('form proxy exploded');
      },
      undefined,
      logger,
    );
    const origin = await listen(site.handle);
    const failed = await rawRequest(`${origin}/api/call-requests`, { method: 'POST', body: '{}' });
    expect(failed.status).toBe(500);
    expect(failed.headers['cache-control']).toBe('no-store');
    expect(failed.headers['content-security-policy']).toBeDefined();
    expect(logger.errors.join('\n')).toContain('form proxy exploded');
    // Same listener, next request: still answering.
    expect((await rawRequest(`${origin}/`)).status).toBe(503);
  });

  it('gets a logged 500 from the hooks listener, which keeps serving', async () => {
    const logger = recordingLogger();
    let calls = 0;
    const origin = await listen(
      createHooksHandler({
        secret: 'unused-secret-0123456789',
        logger,
        onWebhook: () => {},
        onForceRebuild: () => {},
        status: () => {
          calls += 1;
          if (calls === 1) throw new Error('status exploded');
          return { ok: true };
        },
      }),
    );
    const failed = await rawRequest(`${origin}/status`);
    expect(failed.status).toBe(500);
    expect(logger.errors.join('\n')).toContain('status exploded');
    expect((await rawRequest(`${origin}/status`)).status).toBe(200);
  });
});
