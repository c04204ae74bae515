import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearSocialFiles,
  configureSocialCards,
  ensureCached,
  pruneSocialCache,
  readSocialFiles,
  recordSocialFile,
  socialCacheDir,
} from './social-card-store.ts';

let cacheDir: string;

beforeEach(() => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-cache-'));
  configureSocialCards({ cacheDir, root: process.cwd() });
  clearSocialFiles();
  // The test suites' global setup shares one folder through this variable.
  vi.stubEnv('SOCIAL_CARD_CACHE_DIR', '');
});

afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

describe('ensureCached', () => {
  it("keeps the cache in a social-cards folder of Astro's cacheDir, which the publisher keeps between builds", () => {
    expect(socialCacheDir()).toBe(path.join(cacheDir, 'social-cards'));
  });

  it('uses SOCIAL_CARD_CACHE_DIR instead when it is set', () => {
    vi.stubEnv('SOCIAL_CARD_CACHE_DIR', '/tmp/shared-cards');
    expect(socialCacheDir()).toBe('/tmp/shared-cards');
  });

  it('makes a missing image once, even when several pages ask at the same time', async () => {
    const file = path.join(socialCacheDir(), 'a.png');
    const make = vi.fn(() => Promise.resolve(Buffer.from('png')));
    await Promise.all([ensureCached(file, make), ensureCached(file, make), ensureCached(file, make)]);
    expect(make).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(file, 'utf8')).toBe('png');
  });

  it('reuses an image made by an earlier build instead of drawing it again', async () => {
    const file = path.join(socialCacheDir(), 'b.png');
    await ensureCached(file, () => Promise.resolve(Buffer.from('first')));
    const make = vi.fn(() => Promise.resolve(Buffer.from('second')));
    await ensureCached(file, make);
    expect(make).not.toHaveBeenCalled();
    expect(fs.readFileSync(file, 'utf8')).toBe('first');
  });

  it('leaves no file behind when making the image fails, so the next build tries again', async () => {
    const file = path.join(socialCacheDir(), 'c.png');
    await expect(ensureCached(file, () => Promise.reject(new Error('no font')))).rejects.toThrow('no font');
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('pruneSocialCache', () => {
  it("removes images unused by this build and untouched for 30 days, and keeps this build's and recent ones", () => {
    const now = Date.now();
    const day = 24 * 60 * 60 * 1000;
    const make = (name: string, ageDays: number) => {
      const file = path.join(socialCacheDir(), name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, name);
      const at = new Date(now - ageDays * day);
      fs.utimesSync(file, at, at);
      return file;
    };
    recordSocialFile('/social/used.png', make('used.png', 90));
    make('recent.png', 3);
    make('stale.png', 31);
    expect(pruneSocialCache(30, now)).toBe(1);
    expect(fs.readdirSync(socialCacheDir()).sort()).toEqual(['recent.png', 'used.png']);
    expect([...readSocialFiles().keys()]).toEqual(['/social/used.png']);
  });
});
