import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
  WASM_CONTENT_SECURITY_POLICY,
  WASM_PATH_PATTERN,
} from '@clinic/scripts/publisher';
import { FORM_PROXY_MESSAGES, formLanguageOf } from '@clinic/scripts/publisher';
import {
  IMMUTABLE_CACHE_CONTROL,
  REVALIDATE_CACHE_CONTROL,
  SiteHandler,
  createServedBuild,
} from '@clinic/scripts/publisher';
import { rawRequest, type RawResponse } from '@clinic/scripts/publisher/testing';
import { directivesNamed, findDirectives, mapValues, readNginxConfig, type NginxDirective } from './nginx-config.ts';
import {
  NGINX_BINARY,
  findFreePort,
  startNginx,
  testNginxConfig,
  writeNginxConfig,
  type RunningNginx,
} from '@clinic/testing/start-nginx';

const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const SITE_CONFIG = join(ROOT_DIR, 'deploy/nginx/default.conf');

function serverBlock(): NginxDirective[] {
  const [server, ...others] = directivesNamed(readNginxConfig(SITE_CONFIG), 'server');
  expect(others, 'one server block').toHaveLength(0);
  return server?.block ?? [];
}

/** The server's `add_header` directives, by lower-case name. */
function serverHeaders(): Map<string, { value: string; always: boolean }> {
  return new Map(
    directivesNamed(serverBlock(), 'add_header').map(({ args: [name = '', value = '', flag] }) => [
      name.toLowerCase(),
      { value, always: flag === 'always' },
    ]),
  );
}

describe('deploy/nginx/default.conf', () => {
  it("sends the publisher's security headers, on every status", () => {
    const headers = serverHeaders();
    for (const [name, value] of SECURITY_HEADERS) {
      if (name === 'Content-Security-Policy') continue;
      expect(headers.get(name.toLowerCase()), name).toEqual({ value, always: true });
    }
    expect(headers.get('content-security-policy')).toEqual({ value: '$clinic_csp', always: true });
  });

  it("sends the publisher's Content-Security-Policy, with WebAssembly only where the publisher allows it", () => {
    const values = mapValues(readNginxConfig(SITE_CONFIG), '$clinic_csp');
    expect(values.get('default')).toBe(CONTENT_SECURITY_POLICY);
    const patterns = [...values].filter(([pattern]) => pattern !== 'default');
    expect(patterns).toHaveLength(1);
    const [pattern = '', value] = patterns[0] ?? [];
    expect(value).toBe(WASM_CONTENT_SECURITY_POLICY);
    const nginxPattern = new RegExp(pattern.replace(/^~/, ''));
    for (const path of [
      '/search/',
      '/es/search/',
      '/pagefind/pagefind-worker.js',
      '/',
      '/faq/',
      '/search',
      '/x/search/',
    ]) {
      expect(nginxPattern.test(path), path).toBe(WASM_PATH_PATTERN.test(path));
    }
  });

  it("sends the publisher's HSTS value, and only over HTTPS", () => {
    expect(serverHeaders().get('strict-transport-security')).toEqual({ value: '$clinic_hsts', always: true });
    const values = mapValues(readNginxConfig(SITE_CONFIG), '$clinic_hsts');
    expect(values.get('default')).toBe('');
    const set = [...values].filter(([pattern]) => pattern !== 'default');
    expect(set.length).toBeGreaterThan(0);
    for (const [, value] of set) expect(value).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it("uses the publisher's cache policy", () => {
    expect(serverHeaders().get('cache-control')).toEqual({ value: '$clinic_cache_control', always: true });
    const values = new Set(mapValues(readNginxConfig(SITE_CONFIG), '$clinic_cache_control').values());
    expect(values).toEqual(new Set([REVALIDATE_CACHE_CONTROL, IMMUTABLE_CACHE_CONTROL, 'no-store']));
  });

  it('sets no header inside a location, which would drop the server-level ones there', () => {
    const nested = findDirectives(serverBlock(), 'add_header').filter(({ within }) => within.length > 0);
    expect(nested.map(({ directive }) => `line ${directive.line}`)).toEqual([]);
  });

  it("words the form's own answers as the publisher's form proxy does, in English and Spanish", () => {
    const config = readNginxConfig(SITE_CONFIG);
    for (const [variable, key] of [
      ['$clinic_form_too_large', 'tooLarge'],
      ['$clinic_form_unavailable', 'unavailable'],
    ] as const) {
      expect(new Set(mapValues(config, variable).values()), variable).toEqual(
        new Set([FORM_PROXY_MESSAGES.en[key], FORM_PROXY_MESSAGES.es[key]]),
      );
    }
  });

  it('serves the live build through the `current` symlink without caching open files', () => {
    const server = serverBlock();
    expect(directivesNamed(server, 'root')[0]?.args).toEqual(['/srv/site/current']);
    expect(directivesNamed(server, 'open_file_cache')[0]?.args).toEqual(['off']);
    expect(directivesNamed(server, 'disable_symlinks')[0]?.args).toEqual(['off']);
  });
});

const nginxInstalled = existsSync(NGINX_BINARY);
const skipNginx = process.env.CI_SKIP_NGINX === '1';

describe.skipIf(skipNginx)('nginx', () => {
  it('is installed, for the live checks of the deploy config', () => {
    if (!nginxInstalled) {
      throw new Error(
        `${NGINX_BINARY} is missing: .ci/run must install it (apt-get install -y nginx). ` +
          'Set CI_SKIP_NGINX=1 only where nginx cannot be installed.',
      );
    }
  });
});

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A tiny fake build: pages, a 404 page, a hashed asset, each with its .gz and .br as the
 * publisher writes them; a dotfile and a dot folder that must stay private, `.well-known`
 * that must not, and a download that is itself a .gz.
 */
async function writeBuild(dir: string, label: string, asset: string): Promise<void> {
  const files: Record<string, string> = {
    'index.html': `<!doctype html><title>Home</title><link rel="stylesheet" href="/_astro/${asset}"><h1>Home ${label}</h1>\n`,
    'faq/index.html': `<!doctype html><h1>FAQ ${label}</h1>\n`,
    '404.html': `<!doctype html><h1>Page not found</h1><p>${label}</p>\n`,
    '410/index.html': `<!doctype html><h1>This page has been removed</h1><p>${label}</p>\n`,
    // The site build's redirect table, which the publisher answers from.
    '_redirects.json': JSON.stringify({
      redirects: [
        { from: '/programs/old-name/', status: 301, to: '/faq/' },
        { from: '/removed/', status: 410 },
      ],
    }),
    [`_astro/${asset}`]: `body { color: #123456; }\n`.repeat(40),
    '.env': 'SECRET=1\n',
    '.cache/state.json': '{"secret":1}\n',
    '.well-known/security.txt': 'Contact: mailto:security@example-clinic.org\n',
    // An archive for download: a .gz of its own, with no plain file beside it.
    'downloads/forms.tar.gz': 'not really an archive\n',
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
    await writeFile(join(dir, `${path}.gz`), gzipSync(content));
    await writeFile(join(dir, `${path}.br`), brotliCompressSync(content));
  }
}

describe.runIf(nginxInstalled && !skipNginx)('nginx with the deploy config', () => {
  let workDir: string;
  let siteRoot: string;
  let nginx: RunningNginx | undefined;
  let cms: Server;
  const seen: SeenRequest[] = [];
  let cmsPort: number;
  let nginxConfig: string;
  let publisher: Server;
  let publisherPort: number;
  const publisherSeen: IncomingHttpHeaders[] = [];

  /** Points `current` at a build the way the publisher does: a temp link renamed over it. */
  async function switchLive(id: string): Promise<void> {
    const temp = join(siteRoot, `current.${id}.tmp`);
    await rm(temp, { force: true });
    await symlink(id, temp, 'dir');
    await rename(temp, join(siteRoot, 'current'));
  }

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'nginx-test-'));
    siteRoot = join(workDir, 'srv-site');
    await writeBuild(join(siteRoot, 'build-a'), 'build-a', 'index.AAAA1111.css');
    await writeBuild(join(siteRoot, 'build-b'), 'build-b', 'index.BBBB2222.css');
    await switchLive('build-a');

    cms = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.writeHead(303, {
          Location: 'https://www.example-clinic.org/contact/thanks/',
          'Cache-Control': 'no-cache',
          'Content-Security-Policy': "default-src 'none'",
          'X-Frame-Options': 'SAMEORIGIN',
          'X-Powered-By': 'Strapi <strapi.io>',
          'Set-Cookie': 'koa.sess=1',
        });
        res.end();
      });
    });
    await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
    cmsPort = (cms.address() as AddressInfo).port;

    // The publisher's site listener, serving the live build as it does behind nginx.
    const site = new SiteHandler(undefined, SECURITY_HEADERS);
    site.setBuilds([createServedBuild('build-a', join(siteRoot, 'build-a'))]);
    publisher = createServer((req, res) => {
      publisherSeen.push(req.headers);
      site.handle(req, res);
    });
    await new Promise<void>((resolve) => publisher.listen(0, '127.0.0.1', resolve));
    publisherPort = (publisher.address() as AddressInfo).port;
    const publisherAddress = `127.0.0.1:${publisherPort}`;

    const port = await findFreePort();
    nginxConfig = await writeNginxConfig(
      { siteConfig: SITE_CONFIG, siteRoot, cmsAddress: `127.0.0.1:${cmsPort}`, publisherAddress, workDir },
      port,
    );
    await testNginxConfig(workDir, nginxConfig);
    nginx = await startNginx(workDir, nginxConfig, port);
  }, 30_000);

  afterAll(async () => {
    await nginx?.stop();
    await new Promise((resolve) => cms.close(resolve));
    await new Promise((resolve) => publisher.close(resolve));
    await rm(workDir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    rawRequest(`${nginx!.origin}${path}`, { headers });
  const postForm = (body: string, headers: Record<string, string> = {}, path = '/api/call-requests') =>
    rawRequest(`${nginx!.origin}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });

  function expectSecurityHeaders(response: RawResponse): void {
    for (const [name, value] of SECURITY_HEADERS) {
      expect(response.headers[name.toLowerCase()], `${name} on a ${response.status}`).toBe(value);
    }
    expect(response.headers['strict-transport-security'], 'no HSTS over plain HTTP').toBeUndefined();
    expect(response.headers.server).toBe('nginx');
  }

  /**
   * nginx (1.22 here, 1.28 in the image: the code path is the same) sends every `add_header ...
   * always` header twice on a 416: the range filter refuses the range after the headers filter
   * has run, and the error answer runs the filters again. A repeat of the same value means the
   * same to browsers, and a 416 is never a page, so one or two copies are accepted here.
   */
  function expectSecurityHeadersOnceOrTwice(response: RawResponse): void {
    for (const [name, value] of SECURITY_HEADERS) {
      expect([value, `${value}, ${value}`], `${name} on a ${response.status}`).toContain(
        response.headers[name.toLowerCase()],
      );
    }
  }

  it('passes nginx -t', async () => {
    await expect(testNginxConfig(workDir, nginxConfig)).resolves.toMatch(/syntax is ok/);
  });

  it('serves pages as revalidated UTF-8 HTML with the security headers', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['cache-control']).toBe(REVALIDATE_CACHE_CONTROL);
    expect(home.headers.etag).toBeDefined();
    expect(home.body.toString()).toContain('Home build-a');
    expectSecurityHeaders(home);

    const faq = await get('/faq/');
    expect(faq.status).toBe(200);
    expect(faq.body.toString()).toContain('FAQ build-a');

    const notModified = await get('/faq/', { 'If-None-Match': String(faq.headers.etag) });
    expect(notModified.status).toBe(304);
    expect(notModified.headers['cache-control']).toBe(REVALIDATE_CACHE_CONTROL);
    expectSecurityHeaders(notModified);
  });

  it('caches hashed assets for a year and serves the precompressed gzip', async () => {
    const plain = await get('/_astro/index.AAAA1111.css');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(plain.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expectSecurityHeaders(plain);

    const gzipped = await get('/_astro/index.AAAA1111.css', { 'Accept-Encoding': 'gzip, br' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
  });

  it("answers unknown paths with the build's 404 page, never cached for long", async () => {
    const missing = await get('/programs/no-such-level/');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body.toString()).toContain('Page not found');
    expect(missing.headers['cache-control']).toBe(REVALIDATE_CACHE_CONTROL);
    expectSecurityHeaders(missing);

    const missingAsset = await get('/_astro/gone.0000.css', { 'Accept-Encoding': 'gzip' });
    expect(missingAsset.status).toBe(404);
    expect(missingAsset.headers['cache-control']).toBe(REVALIDATE_CACHE_CONTROL);
    expect(gunzipSync(missingAsset.body).toString()).toContain('Page not found');
  });

  it('redirects a folder URL without its slash to the slash form, relative, keeping the query', async () => {
    const faq = await get('/faq');
    expect(faq.status).toBe(301);
    // Relative: nginx's own absolute form would name its container port (8080), not the site's.
    expect(faq.headers.location).toBe('/faq/');
    expect(faq.headers['cache-control']).toBe(REVALIDATE_CACHE_CONTROL);
    expectSecurityHeaders(faq);

    expect((await get('/faq?ref=mail&x=%20y')).headers.location).toBe('/faq/?ref=mail&x=%20y');
    // The slash form and the home page are the pages themselves.
    expect((await get('/faq/')).status).toBe(200);
    expect((await get('/?ref=mail')).status).toBe(200);
    // A folder without a page is simply missing (as on the publisher), not redirected to a 403.
    expect((await get('/_astro')).status).toBe(404);
    expect((await get('/_astro/')).status).toBe(404);
  });

  it('never redirects to another host, whatever the path looks like', async () => {
    for (const path of [
      '//evil.example',
      '//evil.example/',
      '/\\evil.example',
      '//faq',
      '///faq',
      '/%2Ffaq',
      '/%5Cfaq',
      '/./faq',
      '/x/../faq',
    ]) {
      const answer = await get(path);
      expect([301, 400, 404], path).toContain(answer.status);
      if (answer.status === 301) {
        expect(answer.headers.location, path).toMatch(/^\/[^/\\]/);
      }
    }
    expect((await get('//evil.example')).status).toBe(404);
  });

  it('does not serve the precompressed files by name, only as the negotiated answer', async () => {
    for (const path of [
      '/index.html.gz',
      '/index.html.br',
      '/faq/index.html.gz',
      '/404.html.br',
      '/_astro/index.AAAA1111.css.gz',
      '/_astro/index.AAAA1111.css.br',
    ]) {
      for (const acceptEncoding of [undefined, 'gzip, br']) {
        const answer = await get(path, acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {});
        expect(answer.status, `${path} (${acceptEncoding})`).toBe(404);
        const body = answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body;
        expect(body.toString(), path).toContain('Page not found');
      }
    }
    const gzipped = await get('/faq/', { 'Accept-Encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toContain('FAQ build-a');
    // Only a sibling is hidden: a .gz that is a file of its own is served, as on the publisher.
    const archive = await get('/downloads/forms.tar.gz');
    expect(archive.status).toBe(200);
    expect(archive.body.toString()).toBe('not really an archive\n');
  });

  it('sends identity to a client that weighs gzip 0, and never brotli (the image has no module)', async () => {
    const plain = await get('/faq/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const acceptEncoding of [
      'gzip;q=0',
      'gzip;q=0.000',
      'GZIP;Q=0',
      'br, gzip;q=0',
      'deflate, gzip;q=0',
      'br',
      'identity',
    ]) {
      const answer = await get('/faq/', { 'Accept-Encoding': acceptEncoding });
      expect(answer.status, acceptEncoding).toBe(200);
      expect(answer.headers['content-encoding'], acceptEncoding).toBeUndefined();
      expect(answer.body.equals(plain.body), acceptEncoding).toBe(true);
    }
    for (const acceptEncoding of ['gzip;q=0.5', 'br;q=0, gzip', 'gzip, br;q=0']) {
      const answer = await get('/faq/', { 'Accept-Encoding': acceptEncoding });
      expect(answer.headers['content-encoding'], acceptEncoding).toBe('gzip');
    }
  });

  it('keeps dotfiles and dot folders private, but serves .well-known', async () => {
    for (const path of ['/.env', '/.env.gz', '/.cache/state.json', '/.cache/', '/.cache', '/faq/../.env', '/%2Eenv']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).not.toContain('SECRET');
      expect(answer.body.toString(), path).not.toContain('secret');
    }
    const wellKnown = await get('/.well-known/security.txt');
    expect(wellKnown.status).toBe(200);
    expect(wellKnown.body.toString()).toContain('Contact:');
  });

  it('answers byte ranges per RFC 9110, and any malformed or huge range without harm', async () => {
    const whole = await get('/faq/');
    const oneByte = await get('/faq/', { Range: 'bytes=0-0' });
    expect(oneByte.status).toBe(206);
    expect(oneByte.headers['content-range']).toBe(`bytes 0-0/${whole.body.length}`);
    expect(oneByte.body.equals(whole.body.subarray(0, 1))).toBe(true);

    const suffix = await get('/faq/', { Range: 'bytes=-10' });
    expect(suffix.status).toBe(206);
    expect(suffix.body.equals(whole.body.subarray(-10))).toBe(true);

    // Reversed, past the end, beyond 2^53, or not a range at all: refused, and nginx keeps going.
    for (const range of [
      'bytes=10-5',
      'bytes=0-99999999999999999999',
      'bytes=9007199254740993-',
      `bytes=${whole.body.length}-`,
      'bytes=abc',
    ]) {
      const refused = await get('/faq/', { Range: range });
      expect(refused.status, range).toBe(416);
      expect(refused.headers['content-range'], range).toBe(`bytes */${whole.body.length}`);
      expectSecurityHeadersOnceOrTwice(refused);
    }
    for (const range of ['bytes=', 'pages=1-2', 'bytes=5-1,0-0']) {
      expect([200, 206, 416], range).toContain((await get('/faq/', { Range: range })).status);
    }
    expect((await get('/faq/')).status).toBe(200);
  });

  it('adds HSTS when a TLS proxy in front says the request came over HTTPS', async () => {
    const page = await get('/', { 'X-Forwarded-Proto': 'https' });
    expect(page.headers['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it("forwards the form post to the CMS with the visitor's own address, and only what it needs", async () => {
    seen.length = 0;
    const answer = await postForm('name=Ann&phone=9495550142', {
      'X-Forwarded-For': '203.0.113.9',
      Cookie: 'tracking=1',
      Accept: 'text/html',
      'Idempotency-Key': '0b7c6c1e-4d7a-4c3e-9a53-1f0e2f3a4b5c',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('https://www.example-clinic.org/contact/thanks/');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['x-powered-by']).toBeUndefined();
    expect(answer.headers['x-frame-options']).toBeUndefined();
    expect(answer.headers['set-cookie']).toBeUndefined();
    expectSecurityHeaders(answer);

    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request).toMatchObject({ method: 'POST', url: '/api/call-requests', body: 'name=Ann&phone=9495550142' });
    expect(request?.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers.accept).toBe('text/html');
    expect(request?.headers['idempotency-key']).toBe('0b7c6c1e-4d7a-4c3e-9a53-1f0e2f3a4b5c');
    expect(request?.headers.cookie).toBeUndefined();

    seen.length = 0;
    await postForm('name=Ana&language=es', {}, '/api/call-requests?language=es');
    // The query is for nginx's own answers; the CMS reads the body's language, as behind the publisher.
    expect(seen.map(({ url }) => url)).toEqual(['/api/call-requests']);
  });

  it('refuses an oversized form with JSON, before it reaches the CMS', async () => {
    seen.length = 0;
    const answer = await postForm(`message=${'x'.repeat(20 * 1024)}`);
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.body.toString())).toMatchObject({
      error: { status: 413, message: FORM_PROXY_MESSAGES.en.tooLarge },
    });
    expectSecurityHeaders(answer);
    expect(seen).toHaveLength(0);
  });

  /** The paths a form may post to, each with the language the publisher's proxy answers it in. */
  const FORM_PATHS = [
    '/api/call-requests?language=es',
    '/api/call-requests?language=ES',
    '/api/call-requests?language=en',
    '/api/call-requests?language=fr',
    '/api/call-requests?lang=es',
    '/api/call-requests?language=es-MX',
  ].map((path) => [path, formLanguageOf(path)] as const);

  it("refuses an oversized form in the language its action names, as the publisher's proxy does", async () => {
    seen.length = 0;
    for (const [path, language] of FORM_PATHS) {
      const answer = await postForm(`message=${'x'.repeat(20 * 1024)}`, {}, path);
      expect(answer.status, path).toBe(413);
      expect((JSON.parse(answer.body.toString()) as { error: { message: string } }).error.message, path).toBe(
        FORM_PROXY_MESSAGES[language].tooLarge,
      );
    }
    expect(seen).toHaveLength(0);
  });

  it('refuses the CMS API, the admin and other methods on the form path, without asking the CMS', async () => {
    seen.length = 0;
    for (const path of [
      '/admin',
      '/admin/',
      '/admin/auth/login',
      '/api/faqs',
      '/api/call-requests',
      '/api/users',
      '/_health',
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).toContain('Page not found');
      expectSecurityHeaders(answer);
    }
    const post = await rawRequest(`${nginx!.origin}/api/faqs`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(404);
    expect(seen).toHaveLength(0);
  });

  it("answers old paths from the publisher's redirect table, with no reload: 301 in one hop, 410 with the 410 page", async () => {
    const moved = await get('/programs/old-name?from=bookmark', { Cookie: 'visitor=1' });
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toBe('/faq/?from=bookmark');
    expect(moved.headers['cache-control']).toBe(REVALIDATE_CACHE_CONTROL);
    expectSecurityHeaders(moved);
    const followed = await get(String(moved.headers.location));
    expect(followed.status).toBe(200);
    expect(followed.body.toString()).toContain('FAQ build-a');

    const gone = await get('/removed/');
    expect(gone.status).toBe(410);
    expect(gone.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(gone.body.toString()).toContain('This page has been removed');
    expect(gone.headers['cache-control']).toBe(REVALIDATE_CACHE_CONTROL);
    expectSecurityHeaders(gone);

    // Nothing of the visitor's goes to the publisher; files never reach it.
    expect(publisherSeen.some((headers) => 'cookie' in headers)).toBe(false);
    const asked = publisherSeen.length;
    expect((await get('/faq/')).status).toBe(200);
    expect(publisherSeen).toHaveLength(asked);
  });

  it('answers a missing path with the 404 page when the publisher is down', async () => {
    await new Promise((resolve) => publisher.close(resolve));
    try {
      const missing = await get('/programs/old-name/');
      expect(missing.status).toBe(404);
      expect(missing.body.toString()).toContain('Page not found');
      expectSecurityHeaders(missing);
    } finally {
      await new Promise<void>((resolve) => publisher.listen(publisherPort, '127.0.0.1', resolve));
    }
  });

  it('answers the form with a call-us message when the CMS is down', async () => {
    await new Promise((resolve) => cms.close(resolve));
    try {
      const answer = await postForm('name=Ann');
      expect(answer.status).toBe(502);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(answer.body.toString())).toMatchObject({ error: { status: 502 } });
      expect(answer.body.toString()).toContain('call us');
      // A slow CMS may store the post after nginx gives up: never tell the visitor it failed.
      expect(answer.body.toString()).toContain('may have reached us');
      expectSecurityHeaders(answer);

      for (const [path, language] of FORM_PATHS) {
        const inLanguage = await postForm('name=Ana&language=es', {}, path);
        expect(inLanguage.status, path).toBe(502);
        expect((JSON.parse(inLanguage.body.toString()) as { error: { message: string } }).error.message, path).toBe(
          FORM_PROXY_MESSAGES[language].unavailable,
        );
      }
    } finally {
      await new Promise<void>((resolve) => cms.listen(cmsPort, '127.0.0.1', resolve));
    }
  });

  it('serves a new build from the next request once the symlink is switched', async () => {
    expect((await get('/')).body.toString()).toContain('Home build-a');
    await switchLive('build-b');
    try {
      expect((await get('/')).body.toString()).toContain('Home build-b');
      expect((await get('/faq/', { 'Accept-Encoding': 'gzip' })).body).toEqual(
        gzipSync('<!doctype html><h1>FAQ build-b</h1>\n'),
      );
      expect((await get('/_astro/index.BBBB2222.css')).status).toBe(200);
    } finally {
      await switchLive('build-a');
    }
    expect((await get('/')).body.toString()).toContain('Home build-a');
  });

  it('answers 503 with Retry-After until a build is live', async () => {
    await rm(join(siteRoot, 'current'));
    try {
      const waiting = await get('/faq/');
      expect(waiting.status).toBe(503);
      expect(waiting.headers['retry-after']).toBe('5');
      expect(waiting.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(waiting.headers['cache-control']).toBe(REVALIDATE_CACHE_CONTROL);
      expect(waiting.body.toString()).toContain('being built');
      expectSecurityHeaders(waiting);

      const asset = await get('/_astro/index.AAAA1111.css');
      expect(asset.status).toBe(503);
      expect(asset.headers['cache-control'], 'a 503 is never cached for a year').toBe(REVALIDATE_CACHE_CONTROL);
    } finally {
      await switchLive('build-a');
    }
    expect((await get('/')).status).toBe(200);
  });
});
