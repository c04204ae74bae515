/**
 * `npm run bench:site`'s image case (issue 14): a fresh seeded CMS, `count` phone-sized photos
 * uploaded through its real upload API and published where editors put them (each level, therapy
 * and condition page's hero, the facility's gallery, Markdown bodies), then
 *  - the first build with an empty cache and a warm rebuild, both in the publisher's own build
 *    worker (`createWarmAstroBuildRunner`), which keeps Astro's cacheDir (the optimised images
 *    among it) between builds as the live publisher does;
 *  - the image bytes a 375 px phone downloads per page, in real Chromium scrolled to the bottom
 *    so every lazy image loads; the page with the most is printed.
 */
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '@clinic/testing/chromium';
import {
  adminLogin,
  contentManagerClient,
  startTestCms,
  type ContentManagerRequest,
  type TestCms,
} from '@clinic/testing/start-test-cms';
import { photoLikeJpeg, uploadImage, type UploadedImage } from '@clinic/testing/upload-image';
import { createWarmAstroBuildRunner } from '../publisher/build/warm-astro-build.ts';
import type { RunBuildReport } from '../publisher/build/run-build.ts';
import { SiteHandler, createServedBuild } from '../publisher/serve/site-server.ts';
import { s } from './stats.ts';

const siteDir = fileURLToPath(new URL('../../../site/', import.meta.url));
/** A phone's photo as editors upload it (6 megapixels, 3:2 as the heroes are shown). */
const PHOTO_SIZE = { width: 3000, height: 2000 };
/** Of the photos left after one hero per page: the facility's gallery (home and contact pages). */
const GALLERY_PHOTOS = 12;
/** The entries with a hero and a Markdown body. */
const ENTRY_TYPES = [
  'api::program-level.program-level',
  'api::treatment-modality.treatment-modality',
  'api::condition.condition',
] as const;
/** A 375 px wide phone; Lighthouse's mobile emulation (a Moto G Power) draws 1.75 device pixels per CSS pixel. */
const PHONE = { width: 375, height: 812 };
const PHONE_SCALES = [1.75, 3] as const;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Entry {
  uid: (typeof ENTRY_TYPES)[number];
  documentId: string;
  slug: string;
  body: string;
}

interface PlacedImages {
  heroes: number;
  gallery: number;
  inBodies: number;
  /** Bytes of the originals the CMS stores (after its own Size optimization). */
  storedBytes: number;
}

async function listEntries(contentManager: ContentManagerRequest): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const uid of ENTRY_TYPES) {
    const res = await contentManager('GET', `/collection-types/${uid}?pageSize=100&sort=slug:asc`);
    const { results } = (await res.json()) as { results: Omit<Entry, 'uid'>[] };
    entries.push(...results.map((entry) => ({ ...entry, uid })));
  }
  return entries;
}

/**
 * Uploads `count` photos and publishes them as an editor would: one hero per page first, then up
 * to GALLERY_PHOTOS in the facility's gallery, the rest one by one into the pages' Markdown bodies
 * (as the toolbar's Image button writes them: the upload's address on the CMS).
 */
async function placeImages(cms: TestCms, count: number): Promise<PlacedImages> {
  const jwt = await adminLogin(cms);
  const contentManager = contentManagerClient(cms, () => jwt);
  const entries = await listEntries(contentManager);
  const photos: UploadedImage[] = [];
  for (let i = 0; i < count; i++) {
    const data = await photoLikeJpeg(PHOTO_SIZE, i);
    photos.push(await uploadImage(cms, jwt, { data, name: `bench-photo-${i + 1}.jpg`, type: 'image/jpeg' }));
  }
  const alt = (i: number) => `Bench photo ${i + 1}: a room at the clinic with chairs and a window`;
  const heroes = photos.slice(0, entries.length);
  const gallery = photos.slice(heroes.length, heroes.length + GALLERY_PHOTOS);
  const inBodies = photos.slice(heroes.length + gallery.length);
  for (const [i, entry] of entries.entries()) {
    const hero = heroes[i];
    const bodyImages = inBodies
      .map((photo, j) => ({ photo, j }))
      .filter(({ j }) => j % entries.length === i)
      .map(({ photo, j }) => `![${alt(heroes.length + gallery.length + j)}](${cms.url}${photo.url})`);
    if (!hero && bodyImages.length === 0) continue;
    await contentManager('POST', `/collection-types/${entry.uid}/${entry.documentId}/actions/publish`, {
      ...(hero ? { heroImage: { file: hero.id, alt: alt(i), decorative: false } } : {}),
      body: [entry.body, ...bodyImages].join('\n\n'),
    });
  }
  if (gallery.length > 0) {
    await contentManager('POST', '/single-types/api::facility.facility/actions/publish', {
      photos: gallery.map((photo, j) => ({ file: photo.id, alt: alt(heroes.length + j), decorative: false })),
    });
  }
  return {
    heroes: heroes.length,
    gallery: gallery.length,
    inBodies: inBodies.length,
    storedBytes: photos.reduce((n, p) => n + p.size * 1024, 0),
  };
}

/** A publish that changes text only, as most do: the warm rebuild must not encode any image again. */
async function editText(cms: TestCms): Promise<void> {
  const jwt = await adminLogin(cms);
  const contentManager = contentManagerClient(cms, () => jwt);
  const [entry] = await listEntries(contentManager);
  if (!entry) throw new Error('no seeded page to edit');
  await contentManager('POST', `/collection-types/${entry.uid}/${entry.documentId}/actions/publish`, {
    body: `${entry.body}\n\nEdited for the warm rebuild.`,
  });
}

/** Bytes and files below `dir`. */
function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!fs.existsSync(dir)) return { bytes, files };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

const phases = (report: RunBuildReport) =>
  [
    ['content', report.contentMs],
    ['bundle', report.bundleMs],
    ['pages and images', report.renderMs],
  ]
    .filter(([, ms]) => typeof ms === 'number')
    .map(([label, ms]) => `${String(label)} ${s(Number(ms))}`)
    .join(', ');

/**
 * What Astro did for each image file, from its build log: one line per file, ending in
 * `(before: 797kB, after: 41kB)` when it encoded it, `(reused cache entry)` or `(revalidated
 * cache entry)` when the cache served it.
 */
function countImageWork(lines: string[]): string {
  const count = (pattern: RegExp) => lines.filter((line) => pattern.test(line)).length;
  return (
    `${count(/\(before: \d+kB, after: \d+kB\)/)} image files encoded, ` +
    `${count(/\(reused cache entry\)/)} reused, ${count(/\(revalidated cache entry\)/)} revalidated`
  );
}

/** The URL paths of a build's pages (`index.html` files), the 404 page left out. */
function pagePaths(outDir: string): string[] {
  return fs
    .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`.replace(/\\/g, '/'))
    .sort();
}

interface PageImages {
  urlPath: string;
  images: number;
  bytes: number;
}

/** Scrolls to the bottom in half screens, so each lazy image comes near the viewport and loads. */
const SCROLL_THROUGH = `(async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
    window.scrollTo(0, y);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  window.scrollTo(0, document.documentElement.scrollHeight);
})()`;

/** What a phone `deviceScaleFactor` downloads in images on one page, from a fresh cache. */
async function measurePageImages(
  browser: Browser,
  origin: string,
  urlPath: string,
  deviceScaleFactor: number,
): Promise<PageImages> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'image') sizes.push(request.sizes().then((size) => size.responseBodySize));
    });
    await page.goto(`${origin}${urlPath}`, { waitUntil: 'load' });
    await page.evaluate(SCROLL_THROUGH);
    await page.waitForLoadState('networkidle');
    const bytes = await Promise.all(sizes);
    return { urlPath, images: bytes.length, bytes: bytes.reduce((n, b) => n + b, 0) };
  } finally {
    await context.close();
  }
}

/** Serves `outDir` as the publisher serves a live build, and measures every page at each phone scale. */
async function measureImageBytes(outDir: string): Promise<Map<number, PageImages[]>> {
  const site = new SiteHandler();
  site.setBuilds([createServedBuild('bench', outDir)]);
  const server = createServer(site.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const byScale = new Map<number, PageImages[]>();
    for (const scale of PHONE_SCALES) {
      const pages: PageImages[] = [];
      for (const urlPath of pagePaths(outDir)) pages.push(await measurePageImages(browser, origin, urlPath, scale));
      byScale.set(
        scale,
        pages.sort((a, b) => b.bytes - a.bytes),
      );
    }
    return byScale;
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The image case: prints its figures in the bench's style. */
export async function benchImages(count: number): Promise<void> {
  console.log(`[bench:site] starting a fresh seeded CMS for ${count} uploaded images...`);
  const cms = await startTestCms({ LOG_LEVEL: 'warn' });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-site-images-'));
  const log: string[] = [];
  const runBuild = createWarmAstroBuildRunner({
    siteDir,
    workDir,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'SOCIAL_CARD_CACHE_DIR')),
      CMS_URL: cms.url,
      CMS_TOKEN: cms.token,
      SITE_URL: 'https://www.example.test',
      ASTRO_TELEMETRY_DISABLED: '1',
      // As the publisher's worker: the search index is made apart (and timed above).
      SITE_SEARCH_INDEX: 'off',
    },
  });
  const build = async (id: string) => {
    const outDir = path.join(workDir, id);
    fs.mkdirSync(outDir);
    const started = performance.now();
    const from = log.length;
    try {
      const report =
        (await runBuild({ id, outDir, signal: new AbortController().signal, log: (line) => log.push(line) })) ?? {};
      return { outDir, ms: performance.now() - started, report, images: countImageWork(log.slice(from)) };
    } catch (error) {
      throw new Error(`${id} build failed: ${String(error)}\n${log.slice(-40).join('\n')}`, { cause: error });
    }
  };
  try {
    const started = performance.now();
    const placed = await placeImages(cms, count);
    console.log(
      `[bench:site] ${count} images: ${placed.heroes} heroes, ${placed.gallery} in the facility's gallery, ` +
        `${placed.inBodies} in Markdown bodies; ${PHOTO_SIZE.width}x${PHOTO_SIZE.height} JPEGs, ` +
        `${kb(placed.storedBytes / count)} each on the CMS; uploaded and published in ${s(performance.now() - started)}`,
    );
    const cold = await build('cold');
    const cache = folderSize(path.join(workDir, 'cache', 'assets'));
    await editText(cms);
    const warm = await build('warm');
    console.log(
      `[bench:site]   first build (empty cache) took ${s(cold.ms)} (${phases(cold.report)}); ${cold.images}; ` +
        `Astro's image cache then holds ${cache.files} files, ${(cache.bytes / 1024 ** 2).toFixed(1)} MB`,
    );
    console.log(
      `[bench:site]   warm rebuild after a text edit (same worker, cache kept) took ${s(warm.ms)} ` +
        `(${phases(warm.report)}); ${warm.images}`,
    );
    const served = folderSize(path.join(warm.outDir, '_astro'));
    console.log(`[bench:site]   /_astro/ holds ${served.files} files, ${(served.bytes / 1024 ** 2).toFixed(1)} MB`);
    for (const [scale, pages] of await measureImageBytes(warm.outDir)) {
      const [largest, next] = pages;
      if (!largest) continue;
      console.log(
        `[bench:site]   at ${PHONE.width} px, ${scale} device px per px, scrolled to the bottom: ` +
          `${largest.urlPath} downloads the most image bytes, ${kb(largest.bytes)} in ${largest.images} images` +
          (next ? `; next ${next.urlPath} ${kb(next.bytes)} in ${next.images}` : ''),
      );
    }
  } finally {
    runBuild.close();
    await cms.dispose();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
