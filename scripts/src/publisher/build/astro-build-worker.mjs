// @ts-check
/**
 * A long-lived Astro builder, forked by `warm-astro-build.ts`. Each `build` message runs
 * Astro's `build()` in this same process, so the second and later builds skip Node,
 * Vite and Rollup start-up and run JIT-warm code: about twice as fast as a fresh
 * `astro build` per publish. The environment (CMS_URL, CMS_TOKEN, SITE_URL) is fixed for
 * the worker's life.
 *
 * The cwd is a staging folder of this worker's own, not the site: Astro 5 stages the
 * server bundle of a build whose outDir is outside the cwd in `<cwd>/.astro/` and deletes
 * that folder afterwards (`getOutDirWithinCwd` in astro/dist/core/build/common.js). With
 * the site's folder as cwd, two builds from one checkout would share it and delete each
 * other's chunks ("Cannot find module .../site/.astro/pages/programs.astro.mjs").
 *
 * Plain JavaScript (type-checked through JSDoc) so it runs on bare Node, like the
 * `astro build` CLI: under tsx, every module Astro loads would pass through tsx's loader
 * and Node's source-map support, which took the peak memory of a build with 10,000 FAQs
 * from 0.79 GB to 1.24 GB (`npm run bench:site`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { build } from 'astro';
import { createReusableBuilder } from './reusable-astro-build.mjs';

/** @typedef {import('./build-protocol.ts').BuildRequest} BuildRequest */
/** @typedef {import('./build-protocol.ts').BuildResult} BuildResult */

/** @param {BuildResult} result */
const send = (result) => process.send?.(result);

// Astro empties its staging folder of the server bundle, removes the folder once it is
// empty, and then lists it (cleanServerOutput in astro/dist/core/build/static-build.js):
// ENOENT whenever nothing else lives there, as in a staging folder of our own. This file
// keeps it listed; Astro copies it into the output with the rest, and it is removed there.
const STAGING_MARKER = '.publisher-staging';

/** @param {string} file @returns {unknown} */
function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * When the current build started and when it reached Astro's build hooks, in ms from its start.
 * @type {{ started: number, hooks: Record<string, number> }}
 */
let marks = { started: 0, hooks: {} };
const mark = (/** @type {string} */ name) => () => {
  marks.hooks[name] = Math.round(performance.now() - marks.started);
};
/**
 * Records the hooks of whichever build runs: a re-render calls the integrations of the full
 * build whose bundle it reuses, so the marks go to the current build, not to a closure's.
 * @type {import('astro').AstroIntegration}
 */
const timingsIntegration = {
  name: 'publisher-build-timings',
  hooks: {
    'astro:build:start': mark('buildStartMs'),
    'astro:build:generated': mark('generatedMs'),
    'astro:build:done': mark('doneMs'),
  },
};

/**
 * The builder that renders new content with the last build's page bundle (see
 * reusable-astro-build.mjs), made for the first request; null where it cannot work (another
 * Astro version), and then every build is Astro's `build()`.
 * @type {Promise<Awaited<ReturnType<typeof createReusableBuilder>>> | undefined}
 */
let reusable;

process.on('message', (/** @type {BuildRequest} */ request) => {
  if (request.type !== 'build') return;
  const staging = path.join(process.cwd(), '.astro');
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(path.join(staging, STAGING_MARKER), '');
  // Astro times its own phases (content sync, Vite builds, page generation) when this names a
  // file; it is read per build() (AstroTimer's constructor), and written once the build ends.
  // In the cache folder, not the staging one: Astro moves and removes what the staging holds.
  fs.mkdirSync(request.cacheDir, { recursive: true });
  const timerFile = path.join(request.cacheDir, 'astro-timer.json');
  fs.rmSync(timerFile, { force: true });
  process.env.ASTRO_TIMER_PATH = timerFile;
  marks = { started: performance.now(), hooks: {} };
  const { hooks } = marks;
  /** @type {import('astro').AstroInlineConfig} */
  const inlineConfig = {
    root: request.root,
    outDir: request.outDir,
    cacheDir: request.cacheDir,
    vite: { cacheDir: `${request.cacheDir}/vite` },
    logLevel: 'info',
    // Appended after the site's own integrations (Astro concatenates them), so its hooks run
    // last: build:start follows the content sync, build:done follows the others' build:done.
    integrations: [timingsIntegration],
  };
  reusable ??= request.reuseBundle ? createReusableBuilder(request.root) : Promise.resolve(null);
  reusable
    .then((builder) =>
      builder
        ? builder.build({
            root: request.root,
            outDir: request.outDir,
            inlineConfig,
            // Used only when it re-renders with the store of its last build; Astro's `build()`
            // below fetches everything.
            changes: request.changes ?? null,
            log: (line) => process.stdout.write(`${line}\n`),
          })
        : // Astro's option for builds that run again in one process: keep the .astro compiler
          // (a Go WebAssembly module) instantiated instead of tearing it down after each build.
          build(inlineConfig, { teardownCompiler: false }).then(() => ({ kind: /** @type {const} */ ('full') })),
    )
    .then(
      (outcome) => {
        fs.rmSync(path.join(request.outDir, STAGING_MARKER), { force: true });
        send({
          type: 'result',
          ok: true,
          rssBytes: process.memoryUsage().rss,
          astroTimer: readJson(timerFile),
          astroHooks: hooks,
          reused: outcome.kind === 'rerender',
        });
      },
      (/** @type {unknown} */ error) => {
        // Astro prints the error with its stack itself; the publisher needs the sentences, which
        // for invalid content run over several lines (one per entry), without the stack frames.
        send({
          type: 'result',
          ok: false,
          message: describeError(error),
          rssBytes: process.memoryUsage().rss,
        });
      },
    );
});

/**
 * The error's message without stack frames, at most 40 lines: a content error lists every
 * invalid entry on its own line, and the editor needs all of them.
 * @param {unknown} error
 */
function describeError(error) {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !/^\s*at\s/.test(line));
  return lines.length > 40 ? [...lines.slice(0, 40), `(${lines.length - 40} more lines)`].join('\n') : lines.join('\n');
}

// The parent going away (crash, SIGKILL) must not leave a builder behind.
process.on('disconnect', () => process.exit(0));
