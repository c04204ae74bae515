/**
 * `npm run bench:site`: the site build against a real CMS, measured.
 *  1. The seeded site: build time including the fetch (target < 15 s), API requests,
 *     the largest page (target < 60 KB of HTML), CSS and JS shipped (targets < 30 KB CSS).
 *  2. The same CMS with 10,000 extra FAQs, each in English and Spanish: build time (target
 *     < 90 s), peak memory (target < 1 GB), and API requests, which must grow with pages of
 *     100 entries.
 * For both, the site search index the publisher adds to each build: its build time, its size,
 * and what a visitor's first search downloads; and the time spent rendering each language's
 * pages (the Spanish edition's share of the build, from Astro's per-page timings).
 *  3. A fresh seeded CMS with 50 phone-sized photos uploaded through its upload API and published
 *     as heroes, the facility's gallery and Markdown body images: the first build (empty cache)
 *     and a warm rebuild, both in the publisher's own build worker, and the image bytes a 375 px
 *     phone downloads for the page that downloads the most.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startTestCms, type TestCms } from '@clinic/testing/start-test-cms';
import { buildSearchIndex, closeSearchIndexer } from '../publisher/release/build-search-index.ts';
import { benchImages } from './bench-site-images.ts';
import { loadExtraFaqs } from './extra-faqs.ts';

const rootDir = fileURLToPath(new URL('../../../', import.meta.url));
const siteDir = path.join(rootDir, 'site');
const astroCli = path.join(rootDir, 'node_modules/astro/astro.js');
const EXTRA_FAQS = Number(process.env.BENCH_SITE_EXTRA_FAQS ?? 10_000);
/** The languages the extra FAQs are written in: `en` alone compares with an English-only site. */
const EXTRA_FAQ_LOCALES = (process.env.BENCH_SITE_FAQ_LOCALES ?? 'en,es').split(',');
/** Photos of the image case; 0 skips it. */
const IMAGES = Number(process.env.BENCH_SITE_IMAGES ?? 50);
/** Node flags for the measured build, e.g. `--max-old-space-size=640`, to compare heap caps. */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
/**
 * Loaded into the measured build with `--import`: prints the process's peak resident memory
 * as it exits. The build itself is the plain `astro build` command of `npm run build -w site`.
 */
const PEAK_MEMORY_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(`process.on('exit', () => console.log('BENCH_PEAK_RSS_KB ' + process.resourceUsage().maxRSS));`);

interface BuildFigures {
  ms: number;
  maxRssKb: number;
  requests: Record<string, { entries: number; requests: number }>;
  /** Pages rendered and the time spent rendering them, by language (English, and Spanish under /es/). */
  rendering: Record<'en' | 'es', { pages: number; ms: number }>;
  outDir: string;
}

/**
 * Astro's log line of each page it renders, "├─ /es/faq/index.html (+41ms)": its path and time.
 * Pages render one after another, so the times of a language's pages add up to its share of
 * the build's rendering (share cards included, drawn as their pages render).
 */
const RENDERED_PAGE = /[├└]─ (\/\S*) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g;

function renderingOf(output: string): BuildFigures['rendering'] {
  const rendering = { en: { pages: 0, ms: 0 }, es: { pages: 0, ms: 0 } };
  for (const [, page = '', time = '0', unit] of output.matchAll(RENDERED_PAGE)) {
    const lang = page === '/es/index.html' || page.startsWith('/es/') ? 'es' : 'en';
    rendering[lang].pages += 1;
    rendering[lang].ms += Number(time) * (unit === 's' ? 1000 : 1);
  }
  return rendering;
}

/** Runs `astro build` in the site workspace, as `npm run build -w site` does, and measures it. */
async function measureBuild(cms: TestCms, label: string): Promise<BuildFigures> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-site-${label}-`));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...NODE_ARGS, '--import', PEAK_MEMORY_HOOK, astroCli, 'build', '--outDir', outDir],
    {
      cwd: siteDir,
      env: {
        ...process.env,
        CMS_URL: cms.url,
        CMS_TOKEN: cms.token,
        SITE_URL: 'https://www.example.test',
        ASTRO_TELEMETRY_DISABLED: '1',
        // Indexed apart below, as the publisher does, so each is timed on its own.
        SITE_SEARCH_INDEX: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ms = Math.round(performance.now() - started);
  const maxRssKb = /BENCH_PEAK_RSS_KB (\d+)/.exec(output)?.[1];
  if (code !== 0 || !maxRssKb) throw new Error(`build failed (${code}):\n${output.slice(-3000)}`);
  const requests: BuildFigures['requests'] = {};
  // "faqs: 42 entries (21 en, 21 es) in 2 request(s)"
  for (const match of output.matchAll(
    /\[strapi-loader\] ([\w-]+): (\d+) entr(?:y|ies)(?: \([^)]*\))? in (\d+) request/g,
  )) {
    requests[match[1]!] = { entries: Number(match[2]), requests: Number(match[3]) };
  }
  return { ms, maxRssKb: Number(maxRssKb), requests, rendering: renderingOf(output), outDir };
}

function pageFigures(outDir: string) {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(outDir);
  const size = (f: string) => fs.statSync(f).size;
  const html = files
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ page: path.relative(outDir, f), bytes: size(f) }));
  html.sort((a, b) => b.bytes - a.bytes);
  const sum = (ext: string) => files.filter((f) => f.endsWith(ext)).reduce((n, f) => n + size(f), 0);
  return { pages: html.length, largest: html.slice(0, 3), css: sum('.css'), js: sum('.js') };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function report(label: string, figures: BuildFigures): void {
  const pages = pageFigures(figures.outDir);
  const total = Object.values(figures.requests).reduce((n, r) => n + r.requests, 0);
  console.log(
    `[bench:site] ${label}: astro build took ${(figures.ms / 1000).toFixed(2)} s (fetch included), peak memory ${(figures.maxRssKb / 1024).toFixed(0)} MB`,
  );
  console.log(
    `[bench:site]   API requests: ${total} (${Object.entries(figures.requests)
      .map(([type, r]) => `${type} ${r.entries} entries/${r.requests} req`)
      .join(', ')})`,
  );
  const { en, es } = figures.rendering;
  console.log(
    `[bench:site]   rendering: English ${en.pages} pages in ${(en.ms / 1000).toFixed(2)} s, ` +
      `Spanish ${es.pages} pages in ${(es.ms / 1000).toFixed(2)} s`,
  );
  console.log(
    `[bench:site]   ${pages.pages} pages; largest ${pages.largest.map((p) => `${p.page} ${kb(p.bytes)}`).join(', ')}; CSS ${kb(pages.css)}; JS ${kb(pages.js)}`,
  );
}

/**
 * The search index of a finished build, as the publisher makes it, and the bytes of a first
 * search: Pagefind's script and worker (sent gzipped), its entry, WebAssembly and metadata, plus
 * at most two index chunks (one per query word) and the fragments of the 10 results the search
 * page shows. The largest chunks and fragments are counted, so this is an upper bound.
 */
async function reportSearchIndex(label: string, outDir: string): Promise<void> {
  const index = await buildSearchIndex(outDir);
  const dir = path.join(outDir, 'pagefind');
  const sizeOf = (file: string) => fs.statSync(path.join(dir, file)).size;
  const names = fs.readdirSync(dir);
  const gzipped = (file: string) => gzipSync(fs.readFileSync(path.join(dir, file))).length;
  const fixed =
    gzipped('pagefind.js') +
    gzipped('pagefind-worker.js') +
    gzipped('pagefind-entry.json') +
    names.filter((n) => /^wasm\.en\.pagefind$|^pagefind\.en_.*\.pf_meta$/.test(n)).reduce((n, f) => n + sizeOf(f), 0);
  const largest = (sub: string, count: number) =>
    fs
      .readdirSync(path.join(dir, sub))
      .map((f) => sizeOf(path.join(sub, f)))
      .sort((a, b) => b - a)
      .slice(0, count)
      .reduce((n, b) => n + b, 0);
  const chunks = fs.readdirSync(path.join(dir, 'index')).length;
  const firstSearch = fixed + largest('index', 2) + largest('fragment', 10);
  console.log(
    `[bench:site] ${label}: search index ${index.pages} pages in ${(index.durationMs / 1000).toFixed(2)} s, ` +
      `${kb(index.bytes)} in ${index.files} files (${chunks} index chunks); ` +
      `a first search downloads at most ${kb(firstSearch)} (${kb(fixed)} of it script, worker, WebAssembly and metadata)`,
  );
}

async function main(): Promise<void> {
  console.log('[bench:site] starting a seeded CMS on a temp SQLite database...');
  const cms = await startTestCms({ LOG_LEVEL: 'warn' });
  try {
    const seeded = await measureBuild(cms, 'seeded');
    report('seeded site', seeded);
    await reportSearchIndex('seeded site', seeded.outDir);
    if (EXTRA_FAQS > 0) {
      await cms.stop();
      const started = Date.now();
      loadExtraFaqs(cms, EXTRA_FAQS, EXTRA_FAQ_LOCALES);
      console.log(
        `[bench:site] loaded ${EXTRA_FAQS} extra FAQs (${EXTRA_FAQ_LOCALES.join(', ')}) in ${Date.now() - started} ms`,
      );
      await cms.restart();
      const large = await measureBuild(cms, 'large');
      report(`seeded + ${EXTRA_FAQS} FAQs`, large);
      await reportSearchIndex(`seeded + ${EXTRA_FAQS} FAQs`, large.outDir);
    }
  } finally {
    await closeSearchIndexer();
    await cms.dispose();
  }
  if (IMAGES > 0) await benchImages(IMAGES);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
