/**
 * Draft preview end to end: a real Strapi, a real publisher with its preview listener, real
 * Astro builds. An editor's Save shows in the preview and nowhere else (its search included);
 * the preview opens only through the admin's signed link; a draft the site cannot show names
 * what to fix.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { eventually, startTestSystem, type TestSystem } from '@clinic/testing/start-test-system';

let system: TestSystem;
let cookie: string;
let iopId: string;

const LEVEL = 'api::program-level.program-level';
const IOP_PATH = '/programs/intensive-outpatient-program/';
// As the page's HTML writes it: the layout prints the banner from the dictionary, and Astro
// escapes the apostrophe of text it writes from an expression.
const BANNER = 'Preview: not published. Shows all unpublished changes, not only this entry&#39;s.';
const admin = (method: string, path: string, body?: unknown) => system.contentManager(method, path, body);
const preview = async (path: string) => {
  const res = await fetch(`${system.previewUrl}${path}`, { headers: { cookie } });
  return { status: res.status, headers: res.headers, text: await res.text() };
};
const live = async (path: string) => (await fetch(`${system.siteUrl}${path}`)).text();

/** What the search page uses of `/pagefind/pagefind.js`. */
interface PagefindScript {
  options(options: { basePath: string }): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
  destroy(): Promise<void>;
}

let scriptDir: string;
let scripts = 0;

/**
 * The pages a site's search finds for `query`: the site's own `pagefind.js` (as the search page
 * loads it), run in Node on the index the site serves, with `headers` on each of its requests.
 */
async function search(origin: string, query: string, headers: Record<string, string> = {}): Promise<string[]> {
  const script = await fetch(`${origin}/pagefind/pagefind.js`, { headers });
  expect(script.status, `${origin}/pagefind/pagefind.js`).toBe(200);
  const file = join(scriptDir, `pagefind-${(scripts += 1)}.mjs`);
  await writeFile(file, await script.text());
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const withHeaders = new Headers(init?.headers);
    for (const [name, value] of Object.entries(headers)) withHeaders.set(name, value);
    return realFetch(input, { ...init, headers: withHeaders });
  };
  try {
    const pagefind = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as PagefindScript;
    await pagefind.options({ basePath: `${origin}/pagefind/` });
    const found = await pagefind.search(query);
    const urls = await Promise.all(found.results.map(async (result) => new URL((await result.data()).url).pathname));
    await pagefind.destroy();
    return urls;
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** The link the admin's Preview button opens for the IOP page. */
async function previewLink(): Promise<string> {
  const res = await admin('GET', `/preview/url/${LEVEL}?documentId=${iopId}&status=draft`);
  return ((await res.json()) as { data: { url: string } }).data.url;
}

beforeAll(async () => {
  scriptDir = await mkdtemp(join(tmpdir(), 'pagefind-script-'));
  system = await startTestSystem();
  await eventually(async () => (await system.status()).live !== null, 120_000, 'the first build to go live');
  const res = await admin(
    'GET',
    `/collection-types/${LEVEL}?filters[slug][$eq]=intensive-outpatient-program&pageSize=1`,
  );
  iopId = ((await res.json()) as { results: { documentId: string }[] }).results[0]!.documentId;
}, 180_000);
afterAll(async () => {
  await system?.stop();
  if (scriptDir) await rm(scriptDir, { recursive: true, force: true });
});
beforeEach(() => {
  onTestFailed(() => console.error(`publisher output (tail):\n${system.publisherOutput().slice(-6000)}`));
});

describe('draft preview', () => {
  it('refuses unsigned, tampered and expired links with 401', async () => {
    const link = new URL(await previewLink());
    expect(link.origin).toBe(system.previewUrl);
    const tampered = new URL(link);
    tampered.searchParams.set('path', '/programs/');
    const expired = new URL(link);
    expired.searchParams.set('exp', String(Math.floor(Date.now() / 1000) - 10));
    for (const url of [
      `${system.previewUrl}${IOP_PATH}`,
      `${system.previewUrl}/__preview?path=/`,
      tampered.href,
      expired.href,
    ]) {
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status, url).toBe(401);
      expect(res.headers.get('x-robots-tag')).toMatch(/noindex/);
    }
  });

  it('shows a saved draft in the preview, with the banner, and not on the live site', async () => {
    const opened = await fetch(await previewLink(), { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(IOP_PATH);
    cookie = opened.headers.get('set-cookie')!.split(';')[0]!;

    const marker = `DRAFT-PREVIEW-${Date.now()}`;
    await admin('PUT', `/collection-types/${LEVEL}/${iopId}`, { summary: `Three hours a day, ${marker}.` });
    const tookMs = await eventually(
      async () => (await preview(IOP_PATH)).text.includes(marker),
      90_000,
      'the draft in the preview',
    );
    console.info(`save to preview: ${tookMs} ms (first preview build included)`);
    const page = await preview(IOP_PATH);
    expect(page.status).toBe(200);
    expect(page.text).toContain(BANNER);
    expect(page.text).toContain('src="/__preview/reload.js"');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toMatch(
      /frame-ancestors http:\/\/localhost:\d+ http:\/\/127\.0\.0\.1:\d+/,
    );

    await system.status().then((s) => expect(s.state).not.toBe('building'));
    const livePage = await live(IOP_PATH);
    expect(livePage).not.toContain(marker);
    expect(livePage).not.toContain(BANNER);
    expect(livePage).not.toContain('/__preview/');
  });

  it("finds a saved draft with the preview's search, and the live site's search does not", async () => {
    // One word, letters only, found nowhere else: Pagefind indexes and searches by word.
    const word = `wombatdraft${Date.now()
      .toString(36)
      .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
    await admin('PUT', `/collection-types/${LEVEL}/${iopId}`, {
      summary: `Three hours a day, three days a week: ${word}.`,
    });
    await eventually(async () => (await preview(IOP_PATH)).text.includes(word), 90_000, 'the draft in the preview');

    const page = await preview('/search/');
    expect(page.status).toBe(200);
    expect(page.headers.get('x-robots-tag')).toMatch(/noindex/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors http:\/\/localhost:\d+/);
    expect((await preview(IOP_PATH)).headers.get('content-security-policy')).not.toContain('wasm-unsafe-eval');
    expect(await search(system.previewUrl, word, { cookie })).toContain(IOP_PATH);
    const built = system
      .publisherOutput()
      .match(/\[preview\] build \S+ live in \d+ ms \(([^)]*)\)/g)
      ?.at(-1);
    console.info(`preview build with its search index: ${built}`);

    // The live site's search works, and knows only what is published.
    expect(await search(system.siteUrl, 'intensive outpatient')).toContain(IOP_PATH);
    expect(await search(system.siteUrl, word)).toEqual([]);
  });

  it('names the entry and the field when a draft cannot be shown', async () => {
    await admin('PUT', `/collection-types/${LEVEL}/${iopId}`, { summary: '' });
    await eventually(async () => (await preview(IOP_PATH)).status === 422, 60_000, 'the failure page');
    const page = await preview(IOP_PATH);
    expect(page.text).toContain('Preview could not be built');
    expect(page.text, page.text).toContain('intensive-outpatient-program');
    expect(page.text).toMatch(/summary/);
    expect(page.text).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/);
    // The live site still serves the published summary.
    expect(await live(IOP_PATH)).toContain('<h1');
  });
});
