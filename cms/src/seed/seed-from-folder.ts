import type { Core } from '@strapi/strapi';
import { loadSeedContent } from './load-seed-content';
import { loadSpanishSeed } from './load-spanish-seed';
import { seedContent } from './seed-content';
import { seedSpanish } from './seed-spanish';

type Log = (message: string) => void;

/**
 * The whole seed under `seedDir`: the English entries, then their Spanish versions (`es/`), each
 * created only when missing. Both files are read and checked before anything is written, so an
 * invalid translation stops the seed before it creates a single English entry. Returns how many
 * documents and translations it created; run it inside `runBulkLoad`, so all of it asks the
 * publisher for one build.
 */
export async function seedFromFolder(strapi: Core.Strapi, seedDir: string, log: Log = () => {}): Promise<number> {
  const english = loadSeedContent(seedDir);
  const spanish = loadSpanishSeed(seedDir, english);
  const created = await seedContent(strapi, english, log);
  return created + (await seedSpanish(strapi, spanish, log));
}
