import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMMUTABLE_CACHE_CONTROL } from './site-server.ts';
import type { Publisher } from '../start-publisher.ts';
import { FAKE_ASSET, FakeBuilder, createDataDir, rawRequest, startTestPublisher } from '../testing/fake-site.ts';

describe('site listener', () => {
  let publisher: Publisher;
  let builder: FakeBuilder;

  beforeEach(async () => {
    builder = new FakeBuilder();
    publisher = await startTestPublisher({ dataDir: await createDataDir(), runBuild: builder.runBuild });
  });
  afterEach(async () => {
    builder.release?.();
    await publisher.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    rawRequest(`${publisher.siteUrl}${path}`, { headers });

  it('answers 503 with Retry-After until the first build is live', async () => {
    await publisher.close();
    builder = new FakeBuilder();
    builder.hold = true;
    publisher = await startTestPublisher({ dataDir: await createDataDir(), runBuild: builder.runBuild });
    const waiting = await get('/');
    expect(waiting.status).toBe(503);
    expect(waiting.headers['retry-after']).toBe('5');
    expect(waiting.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(waiting.body.toString()).toContain('being built');

    await expect.poll(() => builder.release).not.toBeNull();
    builder.release?.();
    await publisher.whenIdle();
    expect((await get('/')).status).toBe(200);
  });

  it('serves pages as revalidated HTML with an ETag, and 304 when unchanged', async () => {
    await publisher.whenIdle();
    const page = await get('/faq/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html;charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body.toString()).toContain('FAQ build-1');
    const etag = page.headers.etag;
    expect(typeof etag).toBe('string');

    const again = await get('/faq/', { 'If-None-Match': String(etag) });
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets under /_astro/ for a year', async () => {
    await publisher.whenIdle();
    const asset = await get(FAKE_ASSET);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/css');
    expect(asset.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
  });

  it('sends correct content types for XML and images', async () => {
    await publisher.whenIdle();
    expect((await get('/sitemap-index.xml')).headers['content-type']).toMatch(/xml/);
    const image = await get('/logo.png');
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cache-control']).toBe('no-cache');
  });

  it('serves precompressed brotli and gzip with Content-Encoding, identity otherwise', async () => {
    await publisher.whenIdle();
    const plain = await get('/');
    expect(plain.headers['content-encoding']).toBeUndefined();

    const br = await get('/', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toBe('text/html;charset=utf-8');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

    const gz = await get(FAKE_ASSET, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toBe('text/css');
    expect(gunzipSync(gz.body).toString()).toContain('#123456');
  });

  it("answers unknown paths with the build's 404 page and status 404", async () => {
    await publisher.whenIdle();
    const missing = await get('/programs/no-such-level/');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body.toString()).toContain('Page not found');

    const compressed = await get('/nope', { 'Accept-Encoding': 'br' });
    expect(compressed.status).toBe(404);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(compressed.body).toString()).toContain('Page not found');
  });

  it('does not serve files outside the build', async () => {
    await publisher.whenIdle();
    expect((await get('/../live.json')).status).toBe(404);
    expect((await get('/%2e%2e/live.json')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD with 405', async () => {
    await publisher.whenIdle();
    const post = await rawRequest(`${publisher.siteUrl}/`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const head = await rawRequest(`${publisher.siteUrl}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('ignores Range (RFC 9110 allows it): the whole file with 200 and Accept-Ranges: none, never a crash', async () => {
    await publisher.whenIdle();
    const whole = await get('/');
    for (const range of [
      'bytes=10-5',
      'bytes=0-9007199254740993',
      'bytes=0-0',
      'bytes=-10',
      'bytes=abc',
      'bytes=0-1,4-5',
    ]) {
      const answer = await get('/', { Range: range });
      expect(answer.status, range).toBe(200);
      expect(answer.headers['content-range'], range).toBeUndefined();
      expect(answer.headers['accept-ranges'], range).toBe('none');
      expect(answer.body.equals(whole.body), range).toBe(true);
    }
    expect((await get('/')).status).toBe(200);
  });

  it('honours q=0 in Accept-Encoding and prefers the higher weight', async () => {
    await publisher.whenIdle();
    expect((await get('/', { 'Accept-Encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await get('/', { 'Accept-Encoding': 'br;q=0' })).headers['content-encoding']).toBeUndefined();
    expect((await get('/', { 'Accept-Encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined();
    expect((await get('/', { 'Accept-Encoding': '*;q=0' })).headers['content-encoding']).toBeUndefined();
    expect((await get('/', { 'Accept-Encoding': 'identity' })).headers['content-encoding']).toBeUndefined();
    expect((await get('/', { 'Accept-Encoding': 'br;q=0.2, gzip;q=0.8' })).headers['content-encoding']).toBe('gzip');
    expect((await get('/', { 'Accept-Encoding': '*' })).headers['content-encoding']).toBe('br');
    const refused = await get('/nope', { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(refused.status).toBe(404);
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('does not serve the precompressed siblings by their own names', async () => {
    await publisher.whenIdle();
    for (const path of ['/index.html.br', '/index.html.gz', `${FAKE_ASSET}.br`, `${FAKE_ASSET}.gz`]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('redirects a folder without its slash with 301, keeping the query, never to another host', async () => {
    await publisher.whenIdle();
    const moved = await get('/faq?topic=insurance&x=%20');
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toBe('/faq/?topic=insurance&x=%20');
    expect((await get('/faq')).headers.location).toBe('/faq/');
    for (const path of ['//faq', '//evil.example/faq', '/\\evil.example', '/%2Ffaq', '/%5Cfaq', '/faq%00']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers.location, path).toBeUndefined();
    }
  });

  it('answers 304 to If-Modified-Since and to a matching If-None-Match list', async () => {
    await publisher.whenIdle();
    const page = await get('/faq/');
    const etag = String(page.headers.etag);
    expect((await get('/faq/', { 'If-None-Match': `"other", ${etag}` })).status).toBe(304);
    expect((await get('/faq/', { 'If-None-Match': '*' })).status).toBe(304);
    expect((await get('/faq/', { 'If-None-Match': '"other"' })).status).toBe(200);
    const lastModified = String(page.headers['last-modified']);
    expect((await get('/faq/', { 'If-Modified-Since': lastModified })).status).toBe(304);
    expect((await get('/faq/', { 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status).toBe(200);
    expect((await get('/faq/', { 'If-Modified-Since': 'garbage' })).status).toBe(200);
    // A brotli representation has its own validator.
    const br = await get('/faq/', { 'Accept-Encoding': 'br' });
    expect(br.headers.etag).not.toBe(etag);
  });

  it('switches to a new build and still serves the previous build’s hashed assets', async () => {
    await publisher.whenIdle();
    expect((await get('/')).body.toString()).toContain('Home build-1');

    // The next build references a new asset name, as Astro does when CSS changes.
    const newAsset = '/_astro/index.Zz81New0.css';
    builder.assetPath = newAsset;
    publisher.requestBuild();
    await publisher.whenIdle();

    expect((await get('/')).body.toString()).toContain('Home build-2');
    expect((await get(newAsset)).status).toBe(200);
    // A page loaded from the old build a moment ago still gets its stylesheet.
    const oldAsset = await get(FAKE_ASSET);
    expect(oldAsset.status).toBe(200);
    expect(oldAsset.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
    // Only hashed assets fall back; pages come from the live build alone.
    expect((await get('/faq/')).body.toString()).toContain('FAQ build-2');
    expect((await get('/sitemap-0.xml')).status).toBe(404);
  });
});
