import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
  WASM_CONTENT_SECURITY_POLICY,
  contentSecurityPolicyFor,
  securityHeadersFor,
} from './security-headers.ts';
import type { Publisher } from '../start-publisher.ts';
import { FakeBuilder, createDataDir, rawRequest, startTestPublisher, type RawResponse } from '../testing/fake-site.ts';

function expectSecurityHeaders(response: RawResponse, { hsts = false } = {}): void {
  for (const [name, value] of SECURITY_HEADERS) {
    expect(response.headers[name.toLowerCase()], `${name} on a ${response.status}`).toBe(value);
  }
  expect(response.headers['strict-transport-security']).toBe(hsts ? STRICT_TRANSPORT_SECURITY : undefined);
}

describe('security headers', () => {
  it('allow only same-origin, non-inline code and no framing', () => {
    const directives = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim());
    expect(directives).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ]),
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('add HSTS only for an https SITE_URL', () => {
    const hsts = (url: string | undefined) =>
      securityHeadersFor(url).find(([name]) => name === 'Strict-Transport-Security')?.[1];
    expect(hsts('https://www.example-clinic.org')).toBe(STRICT_TRANSPORT_SECURITY);
    expect(hsts('http://localhost:4321')).toBeUndefined();
    expect(hsts(undefined)).toBeUndefined();
    expect(hsts('not a url')).toBeUndefined();
  });

  it("allow WebAssembly ('wasm-unsafe-eval') on the search page and Pagefind's files only", () => {
    expect(WASM_CONTENT_SECURITY_POLICY).toBe(
      CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"),
    );
    expect(WASM_CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|unsafe-inline/);
    for (const path of ['/search/', '/es/search/', '/pagefind/pagefind.js', '/pagefind/pagefind-worker.js']) {
      expect(contentSecurityPolicyFor(path), path).toBe(WASM_CONTENT_SECURITY_POLICY);
    }
    for (const path of ['/', '/faq/', '/search', '/searching/', '/programs/search/', '/x/pagefind/', '/_astro/a.js']) {
      expect(contentSecurityPolicyFor(path), path).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('site listener security headers', () => {
  let publisher: Publisher | undefined;
  let builder: FakeBuilder;
  const servers: Server[] = [];

  afterEach(async () => {
    builder.release?.();
    await publisher?.close();
    publisher = undefined;
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  /** A stand-in CMS for the form that also sends headers of its own, as Strapi does. */
  async function startCms(): Promise<string> {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(303, {
          Location: 'http://localhost:4321/contact/thanks/',
          'Cache-Control': 'no-store',
          'Content-Security-Policy': "default-src 'none'",
          'X-Powered-By': 'Strapi',
        });
        res.end();
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async function start(siteUrl?: string, { hold = false } = {}): Promise<string> {
    builder = new FakeBuilder();
    builder.hold = hold;
    const cms = await startCms();
    publisher = await startTestPublisher({
      dataDir: await createDataDir(),
      runBuild: builder.runBuild,
      formTarget: new URL('/api/call-requests', cms),
      ...(siteUrl ? { canonicalUrl: siteUrl } : {}),
    });
    if (!hold) await publisher.whenIdle();
    return publisher.siteUrl;
  }

  it('sends them on pages, 304s, assets, 404s and refused methods', async () => {
    const site = await start('http://localhost:4321');
    const page = await rawRequest(`${site}/faq/`);
    expect(page.status).toBe(200);
    expectSecurityHeaders(page);

    const notModified = await rawRequest(`${site}/faq/`, { headers: { 'If-None-Match': String(page.headers.etag) } });
    expect(notModified.status).toBe(304);
    expectSecurityHeaders(notModified);

    const missing = await rawRequest(`${site}/no-such-page/`, { headers: { 'Accept-Encoding': 'br' } });
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);

    const refused = await rawRequest(`${site}/`, { method: 'DELETE' });
    expect(refused.status).toBe(405);
    expectSecurityHeaders(refused);
  });

  it("sends the WebAssembly policy on the search page and Pagefind's files, whatever the status", async () => {
    const site = await start();
    for (const path of ['/search/', '/search/?q=ignored', '/pagefind/pagefind-worker.js']) {
      const answer = await rawRequest(`${site}${path}`);
      expect(answer.headers['content-security-policy'], path).toBe(WASM_CONTENT_SECURITY_POLICY);
    }
    expect((await rawRequest(`${site}/faq/`)).headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('sends them on the 503 shown before the first build', async () => {
    const site = await start(undefined, { hold: true });
    const building = await rawRequest(`${site}/`);
    expect(building.status).toBe(503);
    expectSecurityHeaders(building);
    // Let the held build finish, or closing would wait for it.
    await expect.poll(() => builder.release).not.toBeNull();
  });

  it("sends ours, not the CMS's, on relayed form answers", async () => {
    const site = await start();
    const answer = await rawRequest(`${site}/api/call-requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=Ann',
    });
    expect(answer.status).toBe(303);
    expectSecurityHeaders(answer);
    expect(answer.headers['x-powered-by']).toBeUndefined();
  });

  it('adds HSTS when the site is served over https', async () => {
    const site = await start('https://www.example-clinic.org');
    expectSecurityHeaders(await rawRequest(`${site}/`), { hsts: true });
    expectSecurityHeaders(await rawRequest(`${site}/nope`), { hsts: true });
  });
});
