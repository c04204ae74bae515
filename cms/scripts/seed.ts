/**
 * `npm run seed`: loads the seed into the CMS, English and Spanish, creating only what is missing.
 * Runs Strapi in-process (no HTTP server), so it works with or without the CMS running.
 */
import { runBulkLoad } from '../src/bootstrap/bulk-load';
import { loadRuntimeEnv } from '../src/env/runtime-env';
import { loadCompiledStrapi } from './load-compiled-strapi';
import { seedDirOf } from '../src/seed/load-seed-content';
import { seedFromFolder } from '../src/seed/seed-from-folder';

async function main(): Promise<void> {
  loadRuntimeEnv();
  const app = await loadCompiledStrapi();
  try {
    const seedDir = seedDirOf(app.dirs.app.root);
    const created = await runBulkLoad(app, () => seedFromFolder(app, seedDir, (m) => console.log(m)));
    console.log(created > 0 ? `Seeded ${created} document(s).` : 'Seed is already complete.');
  } finally {
    await app.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
