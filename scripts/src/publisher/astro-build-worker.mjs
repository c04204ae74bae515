// @ts-check
/**
 * A long-lived Astro builder, forked by `warm-astro-build.ts`. Each `build` message runs
 * Astro's `build()` in this same process, so the second and later builds skip Node,
 * Vite and Rollup start-up and run JIT-warm code: about twice as fast as a fresh
 * `astro build` per publish. The cwd is the site workspace; the environment
 * (CMS_URL, CMS_TOKEN, SITE_URL) is fixed for the worker's life.
 *
 * Plain JavaScript (type-checked through JSDoc) so it runs on bare Node, like the
 * `astro build` CLI: under tsx, every module Astro loads would pass through tsx's loader
 * and Node's source-map support, which took the peak memory of a build with 10,000 FAQs
 * from 0.79 GB to 1.24 GB (`npm run bench:site`).
 */
import process from 'node:process';
import { build } from 'astro';

/** @typedef {import('./build-protocol.ts').BuildRequest} BuildRequest */
/** @typedef {import('./build-protocol.ts').BuildResult} BuildResult */

/** @param {BuildResult} result */
const send = (result) => process.send?.(result);

process.on('message', (/** @type {BuildRequest} */ request) => {
  if (request.type !== 'build') return;
  build({ root: process.cwd(), outDir: request.outDir, logLevel: 'info' }).then(
    () => send({ type: 'result', ok: true, rssBytes: process.memoryUsage().rss }),
    (/** @type {unknown} */ error) => {
      // Astro prints the error with its stack itself; the publisher needs the sentence.
      const message = error instanceof Error ? error.message : String(error);
      send({
        type: 'result',
        ok: false,
        message: message.split('\n')[0] ?? message,
        rssBytes: process.memoryUsage().rss,
      });
    },
  );
});

// The parent going away (crash, SIGKILL) must not leave a builder behind.
process.on('disconnect', () => process.exit(0));
