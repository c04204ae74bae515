import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SEARCH_INDEX_DIR, buildSearchIndex, closeSearchIndexer } from '../release/build-search-index.ts';
import type { Publisher, PublisherOptions } from '../start-publisher.ts';
import {
  FAKE_ASSET,
  FakeBuilder,
  TEST_SECRET,
  createDataDir,
  startTestPublisher,
  writeSearchableSite,
} from '../testing/fake-site.ts';
import { PREVIEW_COOKIE, previewSignature } from './preview-link.ts';
import { describeBuildFailure } from './preview-service.ts';

const SECRET = 'preview-secret-for-tests';
const ADMIN = 'http://admin.example.test';
let publisher: Publisher | undefined;

afterEach(async () => {
  await publisher?.close();
  publisher = undefined;
});

async function start(
  previewBuilder: FakeBuilder,
  liveBuilder = new FakeBuilder(),
  overrides: Partial<PublisherOptions> & { dataDir?: string } = {},
) {
  publisher = await startTestPublisher({
    dataDir: await createDataDir(),
    ...overrides,
    runBuild: liveBuilder.runBuild,
    preview: { secret: SECRET, port: 0, host: '127.0.0.1', adminOrigins: [ADMIN], runBuild: previewBuilder.runBuild },
  });
  await publisher.whenIdle();
  return publisher;
}

function link(path: string, exp = Math.floor(Date.now() / 1000) + 3600, sig = previewSignature(SECRET, path, exp)) {
  return `${publisher!.previewUrl}/__preview?${new URLSearchParams({ path, exp: String(exp), sig }).toString()}`;
}

async function open(path = '/faq/'): Promise<string> {
  const res = await fetch(link(path), { redirect: 'manual' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe(path);
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(new RegExp(`^${PREVIEW_COOKIE}=[^;]+; Path=/; Max-Age=\\d+; HttpOnly; SameSite=Lax$`));
  return cookie.split(';')[0]!;
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function expectPreviewHeaders(res: Response): void {
  expect(res.headers.get('x-robots-tag')).toMatch(/noindex/);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('content-security-policy')).toContain(`frame-ancestors ${ADMIN}`);
  expect(res.headers.get('etag')).toBeNull();
}

/** Opens `/faq/` in a preview whose build fails: the page an editor then sees, with its preview headers checked. */
async function failedPreviewPage(): Promise<{ cookie: string; body: string }> {
  const cookie = await open('/faq/');
  await waitFor(async () => (await fetch(`${publisher!.previewUrl}/faq/`, { headers: { cookie } })).status === 422);
  const res = await fetch(`${publisher!.previewUrl}/faq/`, { headers: { cookie } });
  expectPreviewHeaders(res);
  const body = await res.text();
  expect(body).toContain('Preview could not be built');
  return { cookie, body };
}

describe('the preview listener', () => {
  it('refuses unsigned, tampered and expired links with 401 and a plain explanation', async () => {
    await start(new FakeBuilder());
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, RegExp][] = [
      [`${publisher!.previewUrl}/__preview?path=/faq/`, /not a signed preview link/],
      [link('/faq/').replace('path=%2Ffaq%2F', 'path=%2Fprograms%2F'), /changed after/],
      [link('/faq/', now + 3600, previewSignature('another-secret', '/faq/', now + 3600)), /changed after/],
      [link('/faq/', now - 1), /expired/],
      [`${publisher!.previewUrl}/faq/`, /no preview session/],
    ];
    for (const [url, reason] of cases) {
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status, url).toBe(401);
      expectPreviewHeaders(res);
      expect(await res.text(), url).toMatch(reason);
    }
    const forged = await fetch(`${publisher!.previewUrl}/faq/`, {
      headers: { cookie: `${PREVIEW_COOKIE}=9999999999.${'0'.repeat(64)}` },
    });
    expect(forged.status).toBe(401);
  });

  it('builds drafts when a preview opens, serves them to the cookie only, and never touches the live site', async () => {
    const preview = new FakeBuilder();
    preview.version = () => `draft-${preview.calls}`;
    const live = new FakeBuilder();
    await start(preview, live);
    const liveBuilds = live.calls;
    const cookie = await open('/');
    await waitFor(() => Promise.resolve(publisher!.status().state === 'live' && preview.calls === 1));
    await waitFor(async () => (await fetch(`${publisher!.previewUrl}/`, { headers: { cookie } })).status === 200);
    const res = await fetch(`${publisher!.previewUrl}/`, { headers: { cookie, 'if-none-match': '*' } });
    expect(res.status).toBe(200);
    expectPreviewHeaders(res);
    expect(await res.text()).toContain('Home draft-1');
    expect(await (await fetch(`${publisher!.siteUrl}/`)).text()).not.toContain('draft');
    expect(live.calls).toBe(liveBuilds);
  });

  it('rebuilds on a draft save while a preview is open, and the reload script sees the new version', async () => {
    const preview = new FakeBuilder();
    await start(preview);
    const cookie = await open('/');
    const version = async () =>
      (
        (await (await fetch(`${publisher!.previewUrl}/__preview/status`, { headers: { cookie } })).json()) as {
          version: number;
        }
      ).version;
    await waitFor(async () => (await version()) === 1);
    const webhook = await fetch(`${publisher!.hooksUrl}/hooks/strapi`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_SECRET}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ event: 'entry.update', model: 'faq', uid: 'api::faq.faq' }),
    });
    expect(((await webhook.json()) as { rebuild: boolean }).rebuild).toBe(false);
    await waitFor(async () => (await version()) === 2);
    expect(preview.calls).toBe(2);
    const script = await fetch(`${publisher!.previewUrl}/__preview/reload.js`, { headers: { cookie } });
    expect(await script.text()).toContain(JSON.stringify([ADMIN]));
    expect((await fetch(`${publisher!.previewUrl}/__preview/reload.js`)).status).toBe(401);
  });

  it('answers "being built" for a page, not the older build, until the build with the last saved draft is done', async () => {
    const preview = new FakeBuilder();
    preview.version = () => `draft-${preview.calls}`;
    await start(preview);
    const cookie = await open('/');
    const home = () => fetch(`${publisher!.previewUrl}/`, { headers: { cookie } });
    await waitFor(async () => (await home()).status === 200);

    // An editor saves a draft: the next build holds it, and it is still running.
    preview.hold = true;
    await fetch(`${publisher!.hooksUrl}/hooks/strapi`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_SECRET}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ event: 'entry.update', model: 'faq', uid: 'api::faq.faq' }),
    });
    await waitFor(() => Promise.resolve(preview.release !== null));
    const during = await home();
    expect(during.status).toBe(503);
    expect(await during.text()).toContain('Preview is being built');
    // Assets of the build on screen still load.
    expect((await fetch(`${publisher!.previewUrl}${FAKE_ASSET}`, { headers: { cookie } })).status).toBe(200);

    preview.release?.();
    await waitFor(async () => (await home()).status === 200);
    expect(await (await home()).text()).toContain('Home draft-2');
  });

  it('shows why a preview build failed, naming what the site reported', async () => {
    const preview = new FakeBuilder();
    preview.fail = 'ContentValidationError: faqs entry "what-is-iop": answer is required';
    await start(preview);
    const { body } = await failedPreviewPage();
    expect(body).toContain('faqs entry &#34;what-is-iop&#34;: answer is required');
  });
});

describe('describeBuildFailure', () => {
  it("keeps every line of the site's error and drops stack frames", () => {
    const error = new Error(
      'astro build failed: 2 invalid entries in faqs:\n- faqs entry "a": answer is required\n- faqs entry "b": topic is required\n    at load (/work/site/src/loaders/strapi-loader.ts:10:5)',
    );
    expect(describeBuildFailure(error, [])).toBe(
      'astro build failed: 2 invalid entries in faqs:\n- faqs entry "a": answer is required\n- faqs entry "b": topic is required',
    );
  });

  it('adds the named error lines the build printed when the error itself says little', () => {
    expect(
      describeBuildFailure(new Error('astro build failed'), [
        'noise',
        '[ContentValidationError] faqs entry "a": answer',
      ]),
    ).toBe('astro build failed\n[ContentValidationError] faqs entry "a": answer');
  });
});

/** The text of every page a build's search index holds (Pagefind's fragments: gzip, a signature, JSON). */
async function indexedText(buildDir: string): Promise<string> {
  const dir = join(buildDir, SEARCH_INDEX_DIR, 'fragment');
  const texts = await Promise.all(
    (await readdir(dir)).map(async (name) => gunzipSync(await readFile(join(dir, name))).toString('utf8')),
  );
  return texts.join('\n');
}

describe("the preview's site search", () => {
  afterAll(() => closeSearchIndexer());

  it('indexes each preview build before serving it, apart from the live index, and logs the time', async () => {
    const dataDir = await createDataDir();
    const lines: string[] = [];
    const preview = new FakeBuilder();
    preview.write = writeSearchableSite;
    preview.version = () => `draftword${preview.calls}`;
    const live = new FakeBuilder();
    live.write = writeSearchableSite;
    await start(preview, live, {
      dataDir,
      indexSearch: buildSearchIndex,
      logger: { info: (line) => lines.push(line), error: (line) => lines.push(line) },
    });
    const cookie = await open('/');
    await waitFor(async () => (await fetch(`${publisher!.previewUrl}/`, { headers: { cookie } })).status === 200);

    const entry = await fetch(`${publisher!.previewUrl}/pagefind/pagefind-entry.json`, { headers: { cookie } });
    expect(entry.status).toBe(200);
    expectPreviewHeaders(entry);
    expect(await entry.json()).toMatchObject({ languages: { en: { page_count: 1 } } });
    const previewId = (await previewStatus(cookie)).liveId;
    expect(await indexedText(join(dataDir, 'preview', 'builds', previewId!))).toContain('draftword1');
    const liveText = await indexedText(join(dataDir, 'builds', publisher!.status().live!.id));
    expect(liveText).toContain('build-1');
    expect(liveText).not.toContain('draftword');

    expect(lines).toContainEqual(
      expect.stringMatching(/^\[preview-build\] search index: 1 pages, \d+ bytes in \d+ ms$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^\[preview\] build \S+ live in \d+ ms \(index \d+ ms, serve \d+ ms\)$/),
    );
  });

  it("allows WebAssembly on the preview's search paths only, keeping its frame-ancestors and no-store", async () => {
    await start(new FakeBuilder());
    const cookie = await open('/');
    await waitFor(async () => (await fetch(`${publisher!.previewUrl}/`, { headers: { cookie } })).status === 200);
    const policy = async (path: string) => {
      const res = await fetch(`${publisher!.previewUrl}${path}`, { headers: { cookie } });
      expectPreviewHeaders(res);
      return res.headers.get('content-security-policy') ?? '';
    };
    for (const path of ['/search/', '/es/search/', '/pagefind/pagefind.js', '/pagefind/pagefind-worker.js']) {
      expect(await policy(path), path).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    }
    for (const path of ['/', '/faq/', FAKE_ASSET, '/searching/', '/faq/search/', '/__preview/reload.js']) {
      expect(await policy(path), path).not.toContain('wasm-unsafe-eval');
    }
  });

  it('fails a preview build whose index fails, naming the cause, as a live build does', async () => {
    const preview = new FakeBuilder(); // its pages carry no data-pagefind-body: the layout lost its markers
    const live = new FakeBuilder();
    live.write = writeSearchableSite;
    await start(preview, live, { indexSearch: buildSearchIndex });
    expect(publisher!.status().state).toBe('live');
    const { cookie, body } = await failedPreviewPage();
    expect(body).toMatch(/search index: index\.html in \S+ has no data-pagefind-body/);
    expect((await previewStatus(cookie)).state).toBe('failed');
    expect((await fetch(`${publisher!.previewUrl}/pagefind/pagefind-entry.json`, { headers: { cookie } })).status).toBe(
      422,
    );
  });
});

async function previewStatus(cookie: string): Promise<{ state: string; liveId: string | null }> {
  const res = await fetch(`${publisher!.previewUrl}/__preview/status`, { headers: { cookie } });
  return (await res.json()) as { state: string; liveId: string | null };
}
