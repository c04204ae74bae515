import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PAGE_MEMO_CONTROL_KEY,
  fingerprint,
  pathsToRender,
  renderThroughMemo,
  replayable,
  tracked,
  trackedSync,
  untracked,
  type PageMemoControl,
} from './page-memo.ts';

/** What the content says in the test's "build": tracked questions read it. */
const content = { name: 'Intensive Outpatient', today: '2026-12-02' };
const getName = tracked('test:getName', (lang: string) => Promise.resolve(`${content.name} (${lang})`));
const today = trackedSync('test:today', () => content.today);
const told: string[] = [];
const tell = replayable('test:tell', (message: string) => void told.push(message));

let builds = 0;
/** Starts a build as the worker does. */
function build(mode: PageMemoControl['mode'], bundle = 1, outDir?: string): PageMemoControl {
  builds += 1;
  const control: PageMemoControl = { mode, build: builds, bundle, rendered: 0, reused: 0, outDir, pageNames: [] };
  (globalThis as { [PAGE_MEMO_CONTROL_KEY]?: PageMemoControl })[PAGE_MEMO_CONTROL_KEY] = control;
  return control;
}

/** A page that asks the content for its name and the date, and tells the build its path. */
async function page(path: string, props: Record<string, unknown> = {}): Promise<{ html: string; rendered: boolean }> {
  let rendered = false;
  const response = await renderThroughMemo(
    { url: new URL(path, 'https://example.org'), props, isPrerendered: true },
    async () => {
      rendered = true;
      const name = await getName('en');
      tell(`sitemap ${path}`);
      return new Response(`<h1>${name}</h1><footer>${today()}</footer><p>${JSON.stringify(props)}</p>`, {
        headers: { 'content-type': 'text/html' },
      });
    },
  );
  return { html: await response.text(), rendered };
}

afterEach(() => {
  delete (globalThis as { [PAGE_MEMO_CONTROL_KEY]?: PageMemoControl })[PAGE_MEMO_CONTROL_KEY];
  content.name = 'Intensive Outpatient';
  content.today = '2026-12-02';
  told.length = 0;
});

describe('renderThroughMemo', () => {
  it('renders every page and records nothing outside the worker', async () => {
    expect((await page('/plain/')).rendered).toBe(true);
    build('reuse');
    // Nothing was recorded for it, so the worker's build renders it.
    expect((await page('/plain/')).rendered).toBe(true);
  });

  it('reuses a page whose props and answers did not change, with the same HTML, and tells the build what the page told it', async () => {
    build('record');
    const first = await page('/programs/iop/', { slug: 'iop' });
    expect(first.rendered).toBe(true);
    told.length = 0;
    const control = build('reuse');
    const second = await page('/programs/iop/', { slug: 'iop' });
    expect(second).toEqual({ html: first.html, rendered: false });
    expect(told).toEqual(['sitemap /programs/iop/']);
    expect(control).toMatchObject({ rendered: 0, reused: 1 });
  });

  it('renders again a page whose content answers otherwise, whose props changed, or whose day changed', async () => {
    build('record');
    await page('/a/', { n: 1 });
    await page('/b/', { n: 1 });
    await page('/c/', { n: 1 });
    content.name = 'IOP renamed';
    build('reuse');
    const renamed = await page('/a/', { n: 1 });
    expect(renamed.rendered).toBe(true);
    expect(renamed.html).toContain('IOP renamed');
    expect((await page('/b/', { n: 2 })).rendered).toBe(true);
    build('reuse');
    // Both were recorded again with the new name: they hold now.
    expect((await page('/a/', { n: 1 })).rendered).toBe(false);
    content.today = '2026-12-03';
    build('reuse');
    expect((await page('/a/', { n: 1 })).html).toContain('2026-12-03');
  });

  it('renders every page in a build that may not reuse, and after a new page bundle', async () => {
    build('record');
    await page('/a/');
    build('record');
    expect((await page('/a/')).rendered).toBe(true);
    build('reuse', 2);
    expect((await page('/a/')).rendered).toBe(true);
    build('reuse', 2);
    expect((await page('/a/')).rendered).toBe(false);
  });

  it('forgets a page a build did not have', async () => {
    build('record');
    await page('/gone/');
    await page('/kept/');
    build('reuse');
    await page('/kept/');
    build('reuse');
    expect((await page('/kept/')).rendered).toBe(false);
    expect((await page('/gone/')).rendered).toBe(true);
  });

  it('does not count what a page computes untracked as its question', async () => {
    const shared = async (path: string) =>
      renderThroughMemo({ url: new URL(path, 'https://example.org'), props: {}, isPrerendered: true }, async () => {
        // Computed for every page once per build (a link localizer's sources): not this page's input.
        const sources = await untracked(() => getName('en'));
        return new Response(`<p>${sources.length}</p>`);
      });
    build('record');
    await shared('/u/');
    content.name = 'Renamed';
    const control = build('reuse');
    await shared('/u/');
    expect(control.reused).toBe(1);
  });

  it('never reuses a page given something without a fingerprint (a function)', async () => {
    build('record');
    await page('/f/', { format: () => 'x' });
    build('reuse');
    expect((await page('/f/', { format: () => 'x' })).rendered).toBe(true);
  });

  it('keeps the status of the not-found page and never records a redirect', async () => {
    build('record');
    const notFound = () =>
      renderThroughMemo({ url: new URL('https://example.org/404/'), props: {}, isPrerendered: true }, () =>
        Promise.resolve(new Response('<h1>Not found</h1>', { status: 404 })),
      );
    await notFound();
    build('reuse');
    const reused = await notFound();
    expect(reused.status).toBe(404);
    expect(await reused.text()).toBe('<h1>Not found</h1>');
    let redirects = 0;
    const redirect = () =>
      renderThroughMemo({ url: new URL('https://example.org/old/'), props: {}, isPrerendered: true }, () => {
        redirects += 1;
        return Promise.resolve(new Response(null, { status: 301, headers: { location: '/new/' } }));
      });
    await redirect();
    build('reuse');
    await redirect();
    expect(redirects).toBe(2);
  });
});

describe('pathsToRender', () => {
  it("leaves out of a route's paths the pages that still hold, writing them and replaying what they told the build", async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'page-memo-'));
    try {
      const entries = [
        { params: { page: undefined }, props: { n: 1 }, path: '/faq/' },
        { params: { page: '2' }, props: { n: 2 }, path: '/faq/2/' },
      ];
      build('record', 1, outDir);
      // Every path renders, and records, in a build that may not reuse.
      expect(await pathsToRender(entries, (entry) => entry.path)).toEqual(entries);
      const first = await page('/faq/', { n: 1 });
      await page('/faq/2/', { n: 2 });
      told.length = 0;
      const control = build('reuse', 1, outDir);
      const changed = [entries[0]!, { ...entries[1]!, props: { n: 3 } }];
      expect(await pathsToRender(changed, (entry) => entry.path)).toEqual([changed[1]]);
      expect(readFileSync(path.join(outDir, 'faq', 'index.html'), 'utf8')).toBe(first.html);
      expect(told).toEqual(['sitemap /faq/']);
      expect(control).toMatchObject({ reused: 1, pageNames: ['faq/'] });
      // The page written here stays known: the next build may leave it out again.
      const next = build('reuse', 1, outDir);
      expect(await pathsToRender([entries[0]!], (entry) => entry.path)).toEqual([]);
      expect(next.pageNames).toEqual(['faq/']);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('leaves every path to Astro outside the worker', async () => {
    const entries = [{ props: {} }];
    expect(await pathsToRender(entries, () => '/a/')).toBe(entries);
  });
});

describe('fingerprint', () => {
  it('is equal for equal data and differs for any difference', () => {
    const entry = { slug: 'iop', levels: [1, 2], seo: null, at: new Date(0), tags: new Set(['a']) };
    expect(fingerprint(entry)).toBe(fingerprint(structuredClone(entry)));
    for (const other of [
      { ...entry, slug: 'php' },
      { ...entry, levels: [1, 2, 3] },
      { ...entry, seo: undefined },
      { ...entry, at: new Date(1) },
      { ...entry, tags: new Set(['b']) },
    ]) {
      expect(fingerprint(other)).not.toBe(fingerprint(entry));
    }
    // Lengths keep strings apart that would run together.
    expect(fingerprint(['ab', 'c'])).not.toBe(fingerprint(['a', 'bc']));
    expect(fingerprint(new Map([['a', 1]]))).not.toBe(fingerprint({ a: 1 }));
    expect(fingerprint('1')).not.toBe(fingerprint(1));
  });

  it('refuses functions and class instances, which say nothing of what they would produce', () => {
    expect(() => fingerprint({ f: () => 1 })).toThrow();
    class Thing {}
    expect(() => fingerprint([new Thing()])).toThrow();
  });
});
