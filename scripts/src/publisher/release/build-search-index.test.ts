import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchIndexError } from '../errors.ts';
import {
  SEARCH_INDEX_DIR,
  buildSearchIndex,
  closeSearchIndexer,
  type SearchIndexResult,
} from './build-search-index.ts';

const FIXTURE = fileURLToPath(new URL('./__fixtures__/search-site/', import.meta.url));

interface Fragment {
  url: string;
  content: string;
  meta: { title?: string };
  anchors: { element: string; id: string; text: string }[];
}

/** A page's record as Pagefind stores it: gzip, a `pagefind_dcd` signature, then JSON. */
async function readFragments(outDir: string): Promise<Fragment[]> {
  const dir = join(outDir, SEARCH_INDEX_DIR, 'fragment');
  const names = await readdir(dir);
  return Promise.all(
    names.map(async (name) => {
      const bytes = gunzipSync(await readFile(join(dir, name)));
      return JSON.parse(bytes.subarray('pagefind_dcd'.length).toString('utf8')) as Fragment;
    }),
  );
}

let outDir: string;
let result: SearchIndexResult;
let fragments: Fragment[];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'search-index-'));
  await cp(FIXTURE, outDir, { recursive: true });
  result = await buildSearchIndex(outDir);
  fragments = await readFragments(outDir);
});

afterAll(async () => {
  await closeSearchIndexer();
  await rm(outDir, { recursive: true, force: true });
});

describe('buildSearchIndex', () => {
  it('indexes the pages marked data-pagefind-body and leaves the 404 page out', () => {
    expect(result.pages).toBe(4);
    expect(fragments.map((f) => f.url).sort()).toEqual([
      '/',
      '/es/treatments/terapia-de-grupo/',
      '/faq/',
      '/treatments/group-therapy/',
    ]);
    expect(fragments.find((f) => f.url === '/treatments/group-therapy/')?.meta.title).toBe('Group therapy');
  });

  it('gives each language (<html lang>) an index of its own, which pagefind.js picks by the page it runs on', async () => {
    const entry = JSON.parse(await readFile(join(outDir, SEARCH_INDEX_DIR, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'es']);
    expect(entry.languages['en']?.page_count).toBe(3);
    expect(entry.languages['es']?.page_count).toBe(1);
    expect(entry.languages['en']?.hash).not.toBe(entry.languages['es']?.hash);
  });

  it('makes each FAQ answer a sub-result at its anchor', () => {
    const faq = fragments.find((f) => f.url === '/faq/');
    expect(faq?.anchors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          element: 'h3',
          id: 'iop-hours',
          text: 'How many hours a week is an intensive outpatient program?',
        }),
        expect.objectContaining({ element: 'h3', id: 'iop-weeks', text: 'How long does IOP last?' }),
      ]),
    );
  });

  it('leaves out navigation, footer, crisis strip and anything marked data-pagefind-ignore', () => {
    const text = fragments.map((f) => f.content).join(' ');
    expect(text).toContain('Outpatient programs in Orange County');
    for (const word of [
      'crisisstripword',
      'navigationword',
      'footerword',
      'calltoactionword',
      'notfoundword',
      'Topics',
    ]) {
      expect(text).not.toContain(word);
    }
  });

  it("writes the JS API and the index, but not Pagefind's default UI (inline styles, data: images)", async () => {
    const names = await readdir(join(outDir, SEARCH_INDEX_DIR));
    expect(names).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']));
    expect(names.filter((n) => /ui|highlight/.test(n))).toEqual([]);
    expect(result.files).toBeGreaterThan(5);
    expect(result.bytes).toBeGreaterThan(10_000);
  });

  it('fails, naming the folder, when no page is marked for indexing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'search-index-empty-'));
    try {
      await cp(join(FIXTURE, '404.html'), join(empty, 'index.html'));
      await expect(buildSearchIndex(empty)).rejects.toThrow(SearchIndexError);
      await expect(buildSearchIndex(empty)).rejects.toThrow(/index.html in .* has no data-pagefind-body/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
