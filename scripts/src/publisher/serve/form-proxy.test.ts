import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFormProxy, FORM_PROXY_MESSAGES, FORM_UNAVAILABLE_MESSAGE, formLanguageOf } from './form-proxy.ts';
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

async function startSite(target: URL, options: Parameters<typeof createFormProxy>[1] = {}): Promise<string> {
  return listen(createServer(new SiteHandler(createFormProxy(target, options)).handle));
}

/** A post from a chosen local address (127.0.0.x all reach loopback), optionally chunked. */
function postFrom(
  url: string,
  { localAddress = '127.0.0.1', body = '{}', chunked = false, headers = {} as Record<string, string> },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress,
        headers: {
          'Content-Type': 'application/json',
          ...(chunked ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    // The proxy may close the connection before a refused body is fully sent.
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    if (chunked) {
      const piece = body.slice(0, 16 * 1024);
      for (let i = 0; i < body.length; i += piece.length) req.write(body.slice(i, i + piece.length));
    } else req.write(body);
    req.end();
  });
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

  it('sends each visitor their own address, so two visitors get two rate-limit buckets', async () => {
    const cms = await startUpstream(() => ({ status: 201, headers: {}, body: '' }));
    const site = await startSite(new URL('/api/call-requests', cms.url));
    await postFrom(`${site}/api/call-requests`, { localAddress: '127.0.0.1' });
    await postFrom(`${site}/api/call-requests`, {
      localAddress: '127.0.0.2',
      headers: { 'X-Forwarded-For': '127.0.0.1' },
    });
    expect(cms.seen.map((r) => r.headers['x-forwarded-for'])).toEqual(['127.0.0.1', '127.0.0.2']);
  });

  it("forwards the enhanced form's Idempotency-Key", async () => {
    const cms = await startUpstream(() => ({ status: 201, headers: {}, body: '' }));
    const site = await startSite(new URL('/api/call-requests', cms.url));
    await fetch(`${site}/api/call-requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': '0b7c6c1e-4d7a-4c3e-9a53-1f0e2f3a4b5c' },
      body: '{}',
    });
    expect(cms.seen[0]!.headers['idempotency-key']).toBe('0b7c6c1e-4d7a-4c3e-9a53-1f0e2f3a4b5c');
  });

  it('refuses a 900 KB chunked body with 413 by counting its bytes, and the CMS never gets it whole', async () => {
    const cms = await startUpstream(() => ({ status: 400, headers: {}, body: '' }));
    const site = await startSite(new URL('/api/call-requests', cms.url));
    const body = JSON.stringify({ name: 'Ann', message: 'x'.repeat(900 * 1024) });
    const res = await postFrom(`${site}/api/call-requests`, { body, chunked: true });
    expect(res.status).toBe(413);
    expect(cms.seen.every((r) => r.body.length < 64 * 1024)).toBe(true);
    const declared = await postFrom(`${site}/api/call-requests`, { body });
    expect(declared.status).toBe(413);
  });

  it('tells the visitor their request may have arrived when the CMS answers too slowly (504)', async () => {
    const slow = await listen(
      createServer((req) => {
        req.resume();
      }),
    );
    const site = await startSite(new URL('/api/call-requests', slow), { timeoutMs: 200 });
    const res = await fetch(`${site}/api/call-requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(504);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const message = ((await res.json()) as { error: { message: string } }).error.message;
    expect(message).toBe(FORM_UNAVAILABLE_MESSAGE);
    expect(message).toMatch(/may have reached us/);
    expect(message).toMatch(/call us/);
  });

  it('answers a Spanish form (its action says ?language=es) in Spanish, and forwards the post without the query', async () => {
    const down = await startSite(new URL('http://127.0.0.1:9/api/call-requests'));
    const res = await fetch(`${down}/api/call-requests?language=es`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"language":"es"}',
    });
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      FORM_PROXY_MESSAGES.es.unavailable,
    );

    const tooLarge = await postFrom(`${down}/api/call-requests?language=es`, { body: 'x'.repeat(20 * 1024) });
    expect(tooLarge.status).toBe(413);
    expect((JSON.parse(tooLarge.body) as { error: { message: string } }).error.message).toBe(
      FORM_PROXY_MESSAGES.es.tooLarge,
    );

    const cms = await startUpstream(() => ({
      status: 303,
      headers: { Location: 'http://site/es/contact/thanks/' },
      body: '',
    }));
    const site = await startSite(new URL('/api/call-requests', cms.url));
    const posted = await fetch(`${site}/api/call-requests?language=es`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=Ana&language=es',
      redirect: 'manual',
    });
    expect(posted.headers.get('location')).toBe('http://site/es/contact/thanks/');
    expect(cms.seen[0]).toMatchObject({ url: '/api/call-requests', body: 'name=Ana&language=es' });
  });
});

describe('formLanguageOf', () => {
  it.each([
    ['/api/call-requests?language=es', 'es'],
    ['/api/call-requests?language=ES', 'es'],
    ['/api/call-requests', 'en'],
    ['/api/call-requests?language=en', 'en'],
    ['/api/call-requests?language=fr', 'en'],
    ['/api/call-requests?lang=es', 'en'],
    [undefined, 'en'],
  ])('reads %s as %s', (url, expected) => {
    expect(formLanguageOf(url)).toBe(expected);
  });
});
