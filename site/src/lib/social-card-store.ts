/**
 * Share images as files: the cache that outlives builds and this build's record of which
 * cached file each `og:image` path names. `social-card-image.ts` fills both while Astro renders
 * the pages; `socialCards()` in build-integrations.ts copies the recorded files into the output
 * once every page is rendered. Kept free of the drawing code, as Astro's config imports it.
 *
 * The cache is `<Astro cacheDir>/social-cards/`: `node_modules/.astro/` for `astro build`,
 * the build worker's own cache folder in the publisher, which keeps it between publishes.
 *
 * Pages and integrations are bundled apart but run in one process (as for the sitemap
 * registry), so the state lives on `globalThis` under a registered symbol.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { replayable } from './page-memo.ts';

interface StoreState {
  /** Where cached images live; set by the integration from Astro's `cacheDir`. */
  cacheDir: string | undefined;
  /** The site's folder, to find the font package from. */
  root: string | undefined;
  /** This build's files: public path to cached file. */
  files: Map<string, string>;
  /** Images being made, by cache file, so pages sharing one make it once. */
  pending: Map<string, Promise<void>>;
  /** Warnings already printed in this build: one image is asked for by many pages. */
  warned: Set<string>;
}

const STATE_KEY = Symbol.for('@clinic/site:social-card-store');

function state(): StoreState {
  const holder = globalThis as { [STATE_KEY]?: StoreState };
  holder[STATE_KEY] ??= {
    cacheDir: undefined,
    root: undefined,
    files: new Map(),
    pending: new Map(),
    warned: new Set(),
  };
  return holder[STATE_KEY];
}

/** Called by the integration once Astro's config is final. */
export function configureSocialCards(options: { cacheDir: string; root: string }): void {
  Object.assign(state(), options);
}

/** Forgets the previous build's files (the cache stays). */
export function clearSocialFiles(): void {
  state().files.clear();
  state().warned.clear();
}

/** Prints a build warning once per build and `key`. */
export function warnOnce(key: string, message: string): void {
  if (state().warned.has(key)) return;
  state().warned.add(key);
  console.warn(message);
}

/** This build's share images: public path (`/social/<key>.png`) to the cached file. */
export function readSocialFiles(): ReadonlyMap<string, string> {
  return state().files;
}

/**
 * The folder of cached share images. `SOCIAL_CARD_CACHE_DIR` puts it elsewhere: the test
 * suites build the site from a fresh cacheDir dozens of times, and a card's file is named by
 * everything drawn on it, so one shared folder is safe and saves redrawing every card.
 */
export function socialCacheDir(): string {
  const shared = process.env.SOCIAL_CARD_CACHE_DIR;
  if (shared) return shared;
  const { cacheDir } = state();
  return path.join(cacheDir ?? path.join(os.tmpdir(), 'clinic-site-cache'), 'social-cards');
}

/** The site's folder (to find packages from), once the integration has set it. */
export function socialProjectRoot(): string | undefined {
  return state().root;
}

/** Records that this build serves `file` at `publicPath`. */
function recordSocialFileNow(publicPath: string, file: string): void {
  state().files.set(publicPath, file);
}

/** Recorded for the page memo (`replayable`): a page reused in a later build names its image again. */
export const recordSocialFile = replayable('social-card-store:recordSocialFile', recordSocialFileNow);

/**
 * Makes `file` with `make` unless the cache has it. Written to a temporary name and renamed,
 * so a build that stops half-way, or another build sharing the cache, never leaves a torn file.
 */
export async function ensureCached(file: string, make: () => Promise<Buffer>): Promise<void> {
  const { pending } = state();
  const running = pending.get(file);
  if (running) return running;
  const task = (async () => {
    if (fs.existsSync(file)) {
      // Marks it used, for pruneSocialCache.
      const now = new Date();
      fs.utimesSync(file, now, now);
      return;
    }
    const data = await make();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomUUID()}.tmp`;
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
  })();
  pending.set(file, task);
  try {
    await task;
  } finally {
    pending.delete(file);
  }
}

/**
 * Removes cached images that this build did not use and nothing has used for `maxAgeDays`:
 * the cache keeps recent titles (an editor may put one back) without growing forever.
 */
export function pruneSocialCache(maxAgeDays = 30, now = Date.now()): number {
  const dir = socialCacheDir();
  if (!fs.existsSync(dir)) return 0;
  const used = new Set([...state().files.values()].map((file) => path.basename(file)));
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    if (used.has(name)) continue;
    const file = path.join(dir, name);
    const age = now - fs.statSync(file).mtimeMs;
    if (age > maxAgeDays * 24 * 60 * 60 * 1000) {
      fs.rmSync(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
