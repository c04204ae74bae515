import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LIVE_CONTENT_STORE_KEY as SITE_KEY } from '../../../../site/src/lib/data-store-module.ts';
import { CONTENT_CHANGES_KEY as SITE_CHANGES_KEY } from '../../../../site/src/loaders/content-changes.ts';
import { compareBuilds } from '../../../test/compare-builds.ts';
import { createDataDir } from '../testing/fake-site.ts';
import { CONTENT_CHANGES_KEY, LIVE_CONTENT_STORE_KEY, sourceStamp } from './reusable-astro-build.mjs';
import { createWarmAstroBuildRunner, type ClosableRunBuild } from './warm-astro-build.ts';

const site = fileURLToPath(new URL('./__fixtures__/tiny-content-site/', import.meta.url));

/**
 * A runner of the tiny content site, whose notes come from a JSON file this test rewrites; its
 * loader records the changes it was told of on each sync (`announced`).
 */
async function contentSite(reuseBundle = true) {
  const dataDir = await createDataDir();
  const contentFile = join(dataDir, 'notes.json');
  const changesFile = join(dataDir, 'changes.jsonl');
  const runBuild = createWarmAstroBuildRunner({
    siteDir: site,
    workDir: await createDataDir(),
    env: { ...process.env, TINY_CONTENT_FILE: contentFile, TINY_CHANGES_FILE: changesFile },
    reuseBundle,
  });
  runners.push(runBuild);
  const setNotes = (notes: object[]) => writeFileSync(contentFile, JSON.stringify(notes));
  const build = async (changes?: Record<string, string[]>) => {
    const outDir = await createDataDir();
    const lines: string[] = [];
    const report = await runBuild({
      id: 'test',
      outDir,
      signal: new AbortController().signal,
      log: (l) => lines.push(l),
      ...(changes ? { changes } : {}),
    });
    return { outDir, lines, report: report ?? {}, page: (file: string) => readFileSync(join(outDir, file), 'utf8') };
  };
  /** What the loader was told on each sync so far: the changes, or null for everything. */
  const announced = (): unknown[] =>
    existsSync(changesFile)
      ? readFileSync(changesFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as unknown)
      : [];
  return { setNotes, build, announced };
}

const runners: ClosableRunBuild[] = [];
afterEach(() => {
  for (const runBuild of runners.splice(0)) runBuild.close();
});

describe('reusable Astro build', () => {
  it('renders new content with the first build’s page bundle, byte-identical to a full build of it', async () => {
    const { setNotes, build } = await contentSite();
    setNotes([{ id: 'a', title: 'First note' }]);
    const first = await build();
    expect(first.report.reusedBundle).toBeUndefined();
    expect(typeof first.report.bundleMs).toBe('number');
    expect(first.page('notes/a/index.html')).toContain('First note');

    const changed = [
      { id: 'a', title: 'First note, edited' },
      { id: 'b', title: 'A new note' },
    ];
    setNotes(changed);
    const second = await build();
    expect(second.report.reusedBundle).toBe(true);
    expect(second.report.bundleMs).toBeUndefined();
    expect(second.page('index.html')).toContain('First note, edited');
    expect(second.page('notes/b/index.html')).toContain('A new note');

    // The same content built from scratch, with no bundle to reuse.
    const reference = await contentSite(false);
    reference.setNotes(changed);
    const full = await reference.build();
    expect(full.report.reusedBundle).toBeUndefined();
    expect(await compareBuilds(second.outDir, full.outDir)).toBeNull();

    // A note taken away leaves no page behind.
    setNotes([{ id: 'b', title: 'A new note' }]);
    const third = await build();
    expect(third.report.reusedBundle).toBe(true);
    expect(third.page('index.html')).not.toContain('First note');
    expect(() => third.page('notes/a/index.html')).toThrow(/ENOENT/);
  }, 180_000);

  it('builds in full again once a source file of the site changes', async () => {
    const { setNotes, build, announced } = await contentSite();
    setNotes([{ id: 'a', title: 'First note' }]);
    await build();
    const page = join(site, 'src/pages/index.astro');
    const before = sourceStamp(site);
    const later = new Date(Date.now() + 1000);
    utimesSync(page, later, later);
    expect(sourceStamp(site)).not.toBe(before);
    const second = await build({ notes: ['a'] });
    expect(second.report.reusedBundle).toBeUndefined();
    expect(typeof second.report.bundleMs).toBe('number');
    expect(second.lines).toContain('[publisher] full build: a source file of the site changed');
    // A full build fetches everything, whatever changes it was given.
    expect(announced()).toEqual([null, null]);
  }, 180_000);

  it('tells the loaders which documents changed in a re-render, and nothing in a full build', async () => {
    const { setNotes, build, announced } = await contentSite();
    setNotes([{ id: 'a', title: 'First note' }]);
    // A new worker's store may be older than any changes: its first build fetches everything.
    await build({ notes: ['a'] });
    setNotes([
      { id: 'a', title: 'First note' },
      { id: 'b', title: 'A new note' },
    ]);
    const second = await build({ notes: ['b'], faq: ['x1', 'x2'] });
    expect(second.report.reusedBundle).toBe(true);
    const third = await build();
    expect(third.report.reusedBundle).toBe(true);
    expect(announced()).toEqual([null, { notes: ['b'], faq: ['x1', 'x2'] }, null]);
  }, 180_000);

  it('fails on content that does not validate, names the entry, and builds again once it is fixed', async () => {
    const { setNotes, build } = await contentSite();
    setNotes([{ id: 'a', title: 'First note' }]);
    await build();
    setNotes([{ id: 'a', title: 'First note' }, { id: 'broken' }]);
    const failure = await build().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/notes → broken\*\* data does not match collection schema/);
    expect((failure as Error).message).toMatch(/title\*\*: Required/);

    setNotes([{ id: 'a', title: 'Fixed' }]);
    const fixed = await build();
    expect(fixed.page('notes/a/index.html')).toContain('Fixed');
    // The failed attempt let the bundle go; the next change reuses the fresh one.
    setNotes([{ id: 'a', title: 'Fixed again' }]);
    const next = await build();
    expect(next.report.reusedBundle).toBe(true);
    expect(next.page('notes/a/index.html')).toContain('Fixed again');
  }, 240_000);

  it('names the content holder with the symbol the site’s store module reads', () => {
    expect(LIVE_CONTENT_STORE_KEY).toBe(SITE_KEY);
  });

  it('announces changes under the registered symbol the site’s loaders read', () => {
    expect(CONTENT_CHANGES_KEY).toBe(SITE_CHANGES_KEY);
  });
});
