import { defineConfig } from 'vitest/config';

const PUBLISHING_SUITES = ['scripts/test/publish*.int.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{cms,site,shared-types,scripts,testing,deploy}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', '**/*.int.test.ts', '**/*.e2e.test.ts'],
          // A few unit tests start npm or load Astro's config; under `npm test` they share two cores
          // with the type checks and lint, where vitest's 5 s default cut them off.
          testTimeout: 30_000,
          // One module graph per worker instead of one per file: the unit files import the same
          // heavy modules (zod schemas, marked, msw, node:http servers), and re-importing them for
          // each of some 150 files took half the project's CPU (130 CPU-s isolated, 66 not). The
          // files keep no module state between them: each starts its own servers and mocks.
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{cms,site,shared-types,scripts,testing,deploy}/**/*.int.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', ...PUBLISHING_SUITES],
          globalSetup: ['cms/test/global-setup.ts'],
          // Each file boots its own Strapi: on two cores, one at a time is fastest and least flaky.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          // The publish path end to end (a CMS, the publisher, Astro builds; SQLite): in a project
          // of its own so \`npm test\` can run it in the browser suites' vitest, after them, and the
          // two vitests it runs side by side take about as long as each other.
          name: 'publishing',
          include: PUBLISHING_SUITES,
          exclude: ['**/node_modules/**', '**/dist/**'],
          globalSetup: ['cms/test/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['{cms,site,shared-types,scripts,testing,deploy}/**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          // The server compile, then the admin panel build that the editor journey drives.
          globalSetup: ['cms/test/global-setup.ts', 'cms/e2e/global-setup.ts'],
          // Each file boots a whole system (Strapi, publisher, Astro build) and a Chromium.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
