import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFormProxy } from './form-proxy.ts';
import { SiteHandler } from './site-server.ts';

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A stand-in CMS that records what reached it and answers like the real endpoint. */
async function startUpstream(
  answer: (seen: Seen) => { status: number; headers: Record<string, string>; body: string },
) {
  const seen: Seen[] = [];
  const url = await listen(
    createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const record = { method: req.method, url: req.url, headers: req.headers, body };
        seen.push(record);
        const reply = answer(record);
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body);
      });
    }),
  );
  return { url, seen };
}

async function startSite(target: URL): Promise<string> {
  return listen(createServer(new SiteHandler(createFormProxy(target)).handle));
}

describe('form proxy', () => {
  it('forwards the form post to the CMS and relays its redirect', async () => {
    const cms = await startUpstream(() => ({
      status: 303,
      headers: { Location: 'http://site/contact/thanks/', 'Cache-Control': 'no-store', 'Set-Cookie': 'x=1' },
      body: '',
    }));
    const site = await startSite(new URL('/api/call-requests', cms.url));
    const res = await fetch(`${site}/api/call-requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=Ann&phone=9495550142',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('http://site/contact/thanks/');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(cms.seen[0]).toMatchObject({ method: 'POST', url: '/api/call-requests', body: 'name=Ann&phone=9495550142' });
    expect(cms.seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it("sends the visitor's own address, not one they claim in X-Forwarded-For", async () => {
    const cms = await startUpstream(() => ({
      status: 201,
      headers: { 'Content-Type': 'application/json' },
      body: '{"data":{"received":true}}',
    }));
    const site = await startSite(new URL('/api/call-requests', cms.url));
    const res = await fetch(`${site}/api/call-requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.9' },
      body: '{}',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ data: { received: true } });
    expect(cms.seen[0]!.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('answers 502 with a call-us message when the CMS is down', async () => {
    const site = await startSite(new URL('http://127.0.0.1:9/api/call-requests'));
    const res = await fetch(`${site}/api/call-requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(502);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/call us/);
  });

  it('forwards nothing but POST to the form path', async () => {
    const cms = await startUpstream(() => ({ status: 200, headers: {}, body: '' }));
    const site = await startSite(new URL('/api/call-requests', cms.url));
    expect((await fetch(`${site}/api/faqs`, { method: 'POST', body: '{}' })).status).toBe(405);
    expect((await fetch(`${site}/api/call-requests`)).status).not.toBe(200);
    expect(cms.seen).toHaveLength(0);
  });
});
