import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BuildOutputInvalidError } from '../errors.ts';

/** Files a build must contain before it may go live. */
export const REQUIRED_OUTPUT_FILES = [
  { file: 'index.html', nonEmpty: true },
  { file: 'sitemap-index.xml', nonEmpty: true },
  { file: '404.html', nonEmpty: false },
] as const;

/**
 * Checks that a build folder holds a servable site (home page, sitemap, 404 page).
 * @throws BuildOutputInvalidError naming the first missing or empty file
 */
export async function verifyBuildOutput(dir: string): Promise<void> {
  for (const { file, nonEmpty } of REQUIRED_OUTPUT_FILES) {
    const stats = await stat(join(dir, file)).catch(() => null);
    if (!stats?.isFile()) {
      throw new BuildOutputInvalidError(`${file} is missing from the build output`);
    }
    if (nonEmpty && stats.size === 0) {
      throw new BuildOutputInvalidError(`${file} is empty in the build output`);
    }
  }
}

/** Like `verifyBuildOutput`, as a boolean, for sorting folders found at startup. */
export async function isServableBuild(dir: string): Promise<boolean> {
  try {
    await verifyBuildOutput(dir);
    return true;
  } catch {
    return false;
  }
}
