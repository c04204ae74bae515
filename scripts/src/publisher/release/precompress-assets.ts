import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliCompressAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
export const COMPRESSIBLE_EXTENSIONS = new Set(['.html', '.css', '.js', '.xml', '.txt', '.json', '.svg']);

export interface PrecompressOptions {
  /**
   * A previous build's folder. A file whose bytes are unchanged there reuses that build's
   * `.br`/`.gz`, so a publish pays only for the pages it changed.
   */
  reuseFrom?: string | undefined;
  /**
   * Files compressed at once; zlib runs them on libuv's thread pool.
   * @default 4
   */
  concurrency?: number;
  /** A folder directly under `dir` left out (one still being written, compressed by a later call). */
  exclude?: string | undefined;
}

export interface PrecompressResult {
  compressed: number;
  reused: number;
}

/** Hashed assets under `_astro/` never change under their name, so max quality is paid once. */
function brotliQualityFor(relativePath: string): number {
  return relativePath.startsWith(`_astro${sep}`) ? constants.BROTLI_MAX_QUALITY : 5;
}

async function listFiles(dir: string, exclude?: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      if (entry.name === exclude) return [];
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(path);
      return entry.isFile() ? [path] : [];
    }),
  );
  return nested.flat();
}

async function sameBytes(content: Buffer, otherPath: string): Promise<boolean> {
  const other = await readFile(otherPath).catch(() => null);
  return other !== null && other.equals(content);
}

/** Copies the previous build's encodings of an unchanged file; false if either is missing. */
async function reuseEncodings(path: string, previous: string): Promise<boolean> {
  try {
    await Promise.all([copyFile(`${previous}.br`, `${path}.br`), copyFile(`${previous}.gz`, `${path}.gz`)]);
    return true;
  } catch {
    return false;
  }
}

async function compressFile(path: string, content: Buffer, brotliQuality: number): Promise<void> {
  const [br, gz] = await Promise.all([
    brotliCompressAsync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
    gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  // An encoding that saves nothing is not written; sirv then serves the original.
  if (br.length < content.length) await writeFile(`${path}.br`, br);
  if (gz.length < content.length) await writeFile(`${path}.gz`, gz);
}

/**
 * Writes `<file>.br` and `<file>.gz` next to every text asset of a build, for sirv to serve to
 * clients that accept them.
 */
export async function precompressAssets(dir: string, options: PrecompressOptions = {}): Promise<PrecompressResult> {
  const files = (await listFiles(dir, options.exclude)).filter((path) => COMPRESSIBLE_EXTENSIONS.has(extname(path)));
  const result: PrecompressResult = { compressed: 0, reused: 0 };
  let next = 0;

  async function worker(): Promise<void> {
    for (let index = next++; index < files.length; index = next++) {
      const path = files[index];
      if (path === undefined) continue;
      const relativePath = relative(dir, path);
      const content = await readFile(path);
      const previous = options.reuseFrom ? join(options.reuseFrom, relativePath) : null;
      if (previous && (await sameBytes(content, previous)) && (await reuseEncodings(path, previous))) {
        result.reused += 1;
        continue;
      }
      await compressFile(path, content, brotliQualityFor(relativePath));
      result.compressed += 1;
    }
  }

  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return result;
}
