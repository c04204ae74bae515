import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { RunBuild } from '../build/run-build.ts';
import { silentLogger } from '../logger.ts';
import { startPublisher, type Publisher, type PublisherOptions } from '../start-publisher.ts';

export const TEST_SECRET = 'test-rebuild-secret-0123456789abcdef';

/** A hashed asset name as Astro writes it; the same name in every fake build. */
export const FAKE_ASSET = '/_astro/index.B2x9kQ1z.css';

/** Enough repeated text for compression to pay off. */
function filler(label: string): string {
  return Array.from({ length: 40 }, (_, i) => `<p>${label} paragraph ${i}: calm, readable copy.</p>`).join('\n');
}

/** Writes a tiny Astro-like site (home, 404, sitemap, one hashed asset) marked with `version`. */
export async function writeFakeSite(outDir: string, version: string, assetPath = FAKE_ASSET): Promise<void> {
  await mkdir(join(outDir, '_astro'), { recursive: true });
  await mkdir(join(outDir, 'faq'), { recursive: true });
  await writeFile(
    join(outDir, 'index.html'),
    `<!doctype html><html><head><link rel="stylesheet" href="${assetPath}"></head><body><h1>Home ${version}</h1>\n${filler(version)}</body></html>\n`,
  );
  await writeFile(join(outDir, 'faq', 'index.html'), `<!doctype html><h1>FAQ ${version}</h1>\n${filler('faq')}\n`);
  await writeFile(join(outDir, '404.html'), `<!doctype html><h1>Page not found</h1>\n${filler('missing')}\n`);
  await writeFile(
    join(outDir, 'sitemap-index.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://example.org/sitemap-0.xml</loc></sitemap></sitemapindex>\n`,
  );
  await writeFile(join(outDir, assetPath), `body { color: #123456; }\n`.repeat(50));
  await writeFile(join(outDir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
}

/** A fake site whose home page is marked for search, as the layout marks real pages. */
export async function writeSearchableSite(outDir: string, version: string): Promise<void> {
  await writeFakeSite(outDir, version);
  await writeFile(
    join(outDir, 'index.html'),
    `<!doctype html><html lang="en"><head><title>Home</title></head><body><main data-pagefind-body><h1>Home ${version}</h1><p>Group therapy ${version}.</p></main></body></html>\n`,
  );
}

/**
 * A build step whose behaviour the test controls: by default it writes a fake site marked
 * `build-<n>`; `fail` makes the next builds fail like a CMS outage would.
 */
export class FakeBuilder {
  calls = 0;
  fail: string | null = null;
  /** Resolves a build that `hold` kept running. */
  release: (() => void) | null = null;
  hold = false;
  /** The hashed asset the next builds write; change it to mimic a CSS change. */
  assetPath = FAKE_ASSET;
  version = (): string => `build-${this.calls}`;
  /** Writes the site; `writeSearchableSite` gives pages the search index can read. */
  write: (outDir: string, version: string, assetPath: string) => Promise<void> = writeFakeSite;

  readonly runBuild: RunBuild = async ({ outDir, log }) => {
    this.calls += 1;
    log(`building ${this.version()}`);
    if (this.hold) await new Promise<void>((resolve) => (this.release = resolve));
    if (this.fail) {
      log(`[ERROR] ${this.fail}`);
      throw new Error(this.fail);
    }
    await this.write(outDir, this.version(), this.assetPath);
  };
}

const dataDirs: string[] = [];

/** A temp data folder, removed after the test file. */
export async function createDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'publisher-test-'));
  dataDirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(dataDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A publisher on free ports with a fake build step and short timings. */
export async function startTestPublisher(
  overrides: Partial<PublisherOptions> & { dataDir: string },
): Promise<Publisher> {
  return startPublisher({
    rebuildSecret: TEST_SECRET,
    sitePort: 0,
    siteHost: '127.0.0.1',
    hooksPort: 0,
    hooksHost: '127.0.0.1',
    quietMs: 20,
    maxWaitMs: 200,
    pruneGraceMs: 0,
    retryDelayMs: 60_000,
    logger: silentLogger,
    // Fake sites mark no page for search; tests of the index pass `buildSearchIndex`.
    indexSearch: () => Promise.resolve(null),
    ...overrides,
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request without fetch's automatic decompression, to see exactly what was sent. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
