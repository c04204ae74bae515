/**
 * A long-lived Astro builder, forked by `warm-astro-build.ts`. Each `build` message runs
 * Astro's `build()` in this same process, so the second and later builds skip Node,
 * Vite and Rollup start-up and run JIT-warm code: about twice as fast as a fresh
 * `astro build` per publish. The cwd is the site workspace; the environment
 * (CMS_URL, CMS_TOKEN, SITE_URL) is fixed for the worker's life.
 */
import { build } from 'astro';

export interface BuildRequest {
  type: 'build';
  outDir: string;
}
export type BuildResult =
  { type: 'result'; ok: true; rssBytes: number } | { type: 'result'; ok: false; message: string; rssBytes: number };

const send = (result: BuildResult) => process.send?.(result);

process.on('message', (request: BuildRequest) => {
  if (request.type !== 'build') return;
  build({ root: process.cwd(), outDir: request.outDir, logLevel: 'info' }).then(
    () => send({ type: 'result', ok: true, rssBytes: process.memoryUsage().rss }),
    (error: unknown) => {
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
