import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex, closeSearchIndexer } from '@clinic/scripts/search-index';

/**
 * Indexes the finished site for search (Pagefind, into `<outDir>/pagefind/`) when `astro build`
 * is done, so `npm run build -w site` gives a site whose search works. The publisher indexes
 * its builds itself (after its output check, before the switch) and sets `SITE_SEARCH_INDEX=off`
 * for its build worker, so a published build is indexed once. A failed index fails the build.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: '@clinic/search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env['SITE_SEARCH_INDEX'] === 'off') return;
        try {
          const result = await buildSearchIndex(fileURLToPath(dir));
          logger.info(`search index: ${result.pages} pages, ${result.bytes} bytes in ${result.durationMs} ms`);
        } finally {
          // Pagefind's service is a child process: a one-shot build must not wait on it.
          await closeSearchIndexer();
        }
      },
    },
  };
}
