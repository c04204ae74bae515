import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompressAssets } from './precompress-assets.ts';
import { FAKE_ASSET, createDataDir, writeFakeSite } from '../testing/fake-site.ts';

async function fakeSite(version: string): Promise<string> {
  const dir = await createDataDir();
  await writeFakeSite(dir, version);
  return dir;
}

describe('precompressAssets', () => {
  it('writes brotli and gzip copies of text assets that decode to the original', async () => {
    const dir = await fakeSite('v1');
    const result = await precompressAssets(dir);
    expect(result.compressed).toBe(5);
    const original = await readFile(join(dir, 'index.html'));
    expect(brotliDecompressSync(await readFile(join(dir, 'index.html.br'))).equals(original)).toBe(true);
    expect(gunzipSync(await readFile(join(dir, 'index.html.gz'))).equals(original)).toBe(true);
    expect(await readdir(join(dir, '_astro'))).toHaveLength(3);
  });

  it('leaves out the folder it is told to, which a later call compresses', async () => {
    const dir = await fakeSite('v1');
    const result = await precompressAssets(dir, { exclude: '_astro' });
    // Of the 5 text files, the hashed stylesheet is the one under _astro/.
    expect(result.compressed).toBe(4);
    expect((await readdir(join(dir, '_astro'))).filter((name) => /\.(br|gz)$/.test(name))).toEqual([]);
    expect(await readdir(dir)).toContain('index.html.br');
  });

  it('leaves images alone', async () => {
    const dir = await fakeSite('v1');
    await precompressAssets(dir);
    expect((await readdir(dir)).filter((name) => name.startsWith('logo.png'))).toEqual(['logo.png']);
  });

  it("reuses the previous build's encodings for unchanged files only", async () => {
    const previous = await fakeSite('v1');
    await precompressAssets(previous);
    const next = await fakeSite('v2');
    const result = await precompressAssets(next, { reuseFrom: previous });
    // 404.html, the hashed CSS and the sitemap are unchanged; both pages carry the new version.
    expect(result).toEqual({ compressed: 2, reused: 3 });
    const home = await readFile(join(next, 'index.html'));
    expect(brotliDecompressSync(await readFile(join(next, 'index.html.br'))).equals(home)).toBe(true);
    expect((await stat(join(next, `${FAKE_ASSET}.br`))).size).toBe(
      (await stat(join(previous, `${FAKE_ASSET}.br`))).size,
    );
  });
});
