import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file of a build but the precompressed siblings, by path relative to the build. */
export async function listBuild(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The first difference between two builds, or null when they are byte-identical. */
export async function compareBuilds(liveDir: string, referenceDir: string): Promise<string | null> {
  const [live, reference] = await Promise.all([listBuild(liveDir), listBuild(referenceDir)]);
  const onlyLive = live.filter((file) => !reference.includes(file));
  const onlyReference = reference.filter((file) => !live.includes(file));
  if (onlyLive.length > 0 || onlyReference.length > 0) {
    return `files differ: only live ${JSON.stringify(onlyLive)}, only in the full build ${JSON.stringify(onlyReference)}`;
  }
  for (const file of reference) {
    const [a, b] = await Promise.all([readFile(join(liveDir, file)), readFile(join(referenceDir, file))]);
    if (!a.equals(b)) {
      const at = [...a].findIndex((byte, i) => byte !== b[i]);
      const around = (buffer: Buffer) => buffer.subarray(Math.max(0, at - 80), at + 80).toString();
      return `${file} differs at byte ${at}:\n live: ${around(a)}\n full: ${around(b)}`;
    }
  }
  return null;
}
