import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { SearchIndexError } from '../errors.ts';

/** The folder, inside a build's output, that holds the search index and Pagefind's own script. */
export const SEARCH_INDEX_DIR = 'pagefind';

/**
 * Pagefind's ready-made interfaces, written next to the index. The site uses its own script on
 * the JS API (`pagefind.js`): these need inline styles and `data:` images the CSP refuses, so
 * they are not shipped at all.
 */
const UNUSED_UI_FILE = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

export interface SearchIndexResult {
  /** Pages indexed (one record each): those whose `<main>` carries `data-pagefind-body`. */
  pages: number;
  /** Files written under `<outDir>/pagefind/`. */
  files: number;
  /** Their total size on disk. */
  bytes: number;
  durationMs: number;
}

/**
 * The index step of a live or preview build: `buildSearchIndex`, or a stand-in in tests (null:
 * no index, as for fake sites that mark no page). A rejection fails that build.
 */
export type IndexSearch = (outDir: string) => Promise<SearchIndexResult | null>;

async function sizeOf(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/**
 * Indexes a finished site (a build's output folder) with Pagefind and writes the index to
 * `<outDir>/pagefind/`, so the index always describes exactly the pages of that build: it goes
 * live with them or not at all. Only pages marked `data-pagefind-body` are indexed (the layout
 * marks every canonical, indexable page's `<main>`); an FAQ heading with an `id` becomes a
 * sub-result that links to its anchor. Each language (`<html lang>`) gets an index of its own.
 *
 * @throws SearchIndexError naming what failed (Pagefind's own errors, or no page to index)
 */
export async function buildSearchIndex(outDir: string): Promise<SearchIndexResult> {
  const startedAt = performance.now();
  const target = join(outDir, SEARCH_INDEX_DIR);
  // A stale index (a reused folder) must never be served with the new pages.
  await rm(target, { recursive: true, force: true });
  // Pagefind indexes every whole page (navigation, footer, 404 page) when no page is marked:
  // the home page is, so an unmarked home page means the layout lost its markers.
  const home = await readFile(join(outDir, 'index.html'), 'utf8').catch(() => '');
  if (!home.includes('data-pagefind-body')) {
    throw new SearchIndexError(
      `search index: index.html in ${outDir} has no data-pagefind-body, so no page is marked for indexing`,
    );
  }
  // One index per language, by each page's <html lang>: pagefind.js loads the one of the page
  // it runs on, so /es/search/ finds Spanish pages only and /search/ English ones.
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new SearchIndexError(`search index could not be created: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) {
      throw new SearchIndexError(`search index: indexing ${outDir} failed: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: target });
    if (written.errors.length > 0) {
      throw new SearchIndexError(`search index: writing ${target} failed: ${written.errors.join('; ')}`);
    }
    for (const name of await readdir(target)) {
      if (UNUSED_UI_FILE.test(name)) await rm(join(target, name));
    }
    const { files, bytes } = await sizeOf(target);
    const pages = (await readdir(join(target, 'fragment'))).length;
    return { pages, files, bytes, durationMs: Math.round(performance.now() - startedAt) };
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Stops Pagefind's indexing service (a child process started on first use), so a one-shot
 * build can exit. A later `buildSearchIndex` starts it again.
 */
export async function closeSearchIndexer(): Promise<void> {
  await pagefind.close();
}
