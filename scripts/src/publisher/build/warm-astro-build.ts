import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { BuildRequest, BuildResult } from './build-protocol.ts';
import { BuildAbortedError, BuildCommandError } from '../errors.ts';
import type { RunBuild, RunBuildReport } from './run-build.ts';
import { readAstroTimings } from './read-astro-timings.ts';

export interface WarmAstroBuildOptions {
  /** The Astro project (the `site/` workspace). */
  siteDir: string;
  /**
   * This runner's own cache directory (Astro's `cacheDir`: the content-layer store and
   * optimised images; Vite's cache), kept warm across its builds and restarts, usually under
   * DATA_DIR. No other runner, publisher or `astro build` may use it.
   */
  workDir: string;
  /** Environment of the worker (`CMS_URL`, `CMS_TOKEN`, `SITE_URL`, `PATH`, ...). */
  env: NodeJS.ProcessEnv;
  /**
   * A build running longer is killed (with its worker) and counts as failed.
   * @default 300000
   */
  timeoutMs?: number;
  /**
   * The worker script. @default `astro-build-worker.mjs`; tests pass stand-ins speaking its
   * protocol. A `.ts` script runs under tsx; JavaScript runs on bare Node.
   */
  workerScript?: string;
  /**
   * A worker is replaced after this many builds, or once it holds more memory than its limit
   * (`maxRssBytes`, `maxRssGrowthBytes`), so a slow leak in a long-running publisher never adds up.
   * @default 50
   */
  maxBuildsPerWorker?: number;
  /**
   * The memory (RSS) a worker may hold after a build whatever its first build left.
   * @default 1 GiB
   */
  maxRssBytes?: number;
  /**
   * What a worker may grow past the memory its first build left: a larger limit than
   * `maxRssBytes` for a large site (with 10,000 extra FAQs a worker holds about 0.95 to 1.1 GB
   * from its first build on, and was replaced every few publishes, each time by a cold full build
   * of 30 s), while a leak still grows past it.
   * @default 512 MiB
   */
  maxRssGrowthBytes?: number;
  /**
   * After its first build, a worker renders new content with the page bundle it made (no Vite
   * builds) until a source file of the site changes; see reusable-astro-build.mjs.
   * @default true
   */
  reuseBundle?: boolean;
}

/** A build step that can also release what it holds (the worker process). */
export type ClosableRunBuild = RunBuild & { close(): void };

const KILL_GRACE_MS = 5000;
// eslint-disable-next-line no-control-regex
const ANSI_PATTERN = /\u001b\[[0-9;?]*[A-Za-z]/g;
/**
 * Astro 5.18 revalidates a cached remote image with a conditional GET but reads the CMS's
 * 304 Not Modified as a redirect: it warns and keeps its cached copy, which is right, since
 * the upload is unchanged (a changed one is answered 200 and encoded again). One such warning
 * per image size would bury the build's own lines, so each build logs their count instead.
 */
export const UNCHANGED_IMAGE_WARNING =
  /Proceeding with stale cache\. Error: Failed to revalidate cached remote image \S+\. The request was redirected\./;

const defaultWorker = fileURLToPath(new URL('./astro-build-worker.mjs', import.meta.url));
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

/**
 * A folder of this runner's own, inside the project: the server bundle Astro stages there
 * imports the project's packages, so it must resolve them through the project's
 * node_modules (a folder under DATA_DIR, which may be anywhere, would not).
 */
function createStagingDir(siteDir: string): string {
  const parent = join(siteDir, 'node_modules', '.astro-build-staging');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, `${process.pid}-`));
}

/**
 * The default build step: Astro's `build()` in a long-lived worker process, one build at
 * a time. A timeout, a cancel or a worker crash kills the worker (and everything it
 * started); the next build starts a fresh one. Output lines go to `log` as with the CLI.
 */
export function createWarmAstroBuildRunner(options: WarmAstroBuildOptions): ClosableRunBuild {
  const timeoutMs = options.timeoutMs ?? 300_000;
  const maxBuilds = options.maxBuildsPerWorker ?? 50;
  const maxRss = options.maxRssBytes ?? 1024 ** 3;
  const maxRssGrowth = options.maxRssGrowthBytes ?? 512 * 1024 ** 2;
  let worker: ChildProcess | null = null;
  let builds = 0;
  /** The current worker's memory limit, set by its first build. */
  let rssLimit = maxRss;
  let log: (line: string) => void = () => {};
  /** Images of the current build whose upload the CMS said was unchanged. */
  let unchangedImages = 0;

  const kill = (target: ChildProcess | null, signal: NodeJS.Signals = 'SIGTERM') => {
    if (!target?.pid || target.exitCode !== null || target.signalCode !== null) return;
    try {
      // Its own process group: whatever Astro started goes too.
      process.kill(-target.pid, signal);
    } catch {
      // already gone
    }
  };

  let stagingDir: string | null = null;

  const start = (): ChildProcess => {
    const script = options.workerScript ?? defaultWorker;
    stagingDir ??= createStagingDir(options.siteDir);
    const child = fork(script, [], {
      // Astro stages each build's server bundle in `<cwd>/.astro/` (see astro-build-worker.mjs).
      cwd: stagingDir,
      env: options.env,
      // Not the parent's execArgv: the publisher itself may run under tsx, the builder must not.
      execArgv: script.endsWith('.ts') ? ['--import', tsxLoader] : [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
    });
    for (const stream of [child.stdout, child.stderr]) {
      if (stream)
        createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
          if (UNCHANGED_IMAGE_WARNING.test(line)) unchangedImages += 1;
          else log(line.replace(ANSI_PATTERN, ''));
        });
    }
    builds = 0;
    rssLimit = maxRss;
    return child;
  };

  const runBuild = (({ outDir, signal, log: lineLog, changes }) =>
    new Promise<RunBuildReport>((resolve, reject) => {
      if (signal.aborted) {
        reject(new BuildAbortedError('build cancelled before it started'));
        return;
      }
      log = lineLog;
      unchangedImages = 0;
      if (!worker || worker.exitCode !== null || worker.signalCode !== null) worker = start();
      const current = worker;
      let settled = false;
      let stopReason: Error | null = null;
      const cleanup = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        current.off('message', onMessage);
        current.off('exit', onExit);
      };
      const finish = (error: Error | null, report: RunBuildReport = {}) => {
        if (settled) return;
        settled = true;
        cleanup();
        if (unchangedImages > 0)
          log(
            `[images] ${unchangedImages} image files kept from the cache: their uploads are unchanged (the CMS answered 304)`,
          );
        if (error) reject(error);
        else resolve(report);
      };
      const stop = (reason: Error) => {
        stopReason = reason;
        kill(current);
        setTimeout(() => kill(current, 'SIGKILL'), KILL_GRACE_MS).unref();
        if (worker === current) worker = null;
      };
      const onMessage = (result: BuildResult) => {
        if (result.type !== 'result') return;
        builds += 1;
        if (builds === 1) rssLimit = Math.max(maxRss, result.rssBytes + maxRssGrowth);
        const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
        const retireBecause =
          builds >= maxBuilds
            ? `${builds} build${builds === 1 ? '' : 's'}, the most a worker runs`
            : result.rssBytes > rssLimit
              ? `it holds ${megabytes(result.rssBytes)}, over its limit of ${megabytes(rssLimit)}`
              : null;
        if (retireBecause) {
          // Retire it now, between builds; the next publish starts a fresh one.
          log(`[publisher] build worker replaced after this build: ${retireBecause}`);
          kill(current);
          if (worker === current) worker = null;
        }
        if (result.ok)
          finish(null, {
            ...readAstroTimings(result.astroTimer, result.astroHooks),
            ...(result.reused ? { reusedBundle: true } : {}),
          });
        else finish(new BuildCommandError(`astro build failed: ${result.message}`));
      };
      const onExit = (code: number | null, killedBy: NodeJS.Signals | null) => {
        if (worker === current) worker = null;
        finish(
          stopReason ??
            new BuildCommandError(
              `the build worker ${killedBy ? `was killed by ${killedBy}` : `exited with code ${code}`}`,
            ),
        );
      };
      const onAbort = () => stop(new BuildAbortedError('build cancelled: the publisher is shutting down'));
      const timer = setTimeout(
        () => stop(new BuildCommandError(`astro build timed out after ${Math.round(timeoutMs / 1000)} s`)),
        timeoutMs,
      );
      signal.addEventListener('abort', onAbort, { once: true });
      current.on('message', onMessage);
      current.on('exit', onExit);
      const request: BuildRequest = {
        type: 'build',
        root: options.siteDir,
        outDir,
        cacheDir: join(options.workDir, 'cache'),
        reuseBundle: options.reuseBundle ?? true,
        changes: changes ?? null,
      };
      current.send(request);
    })) as ClosableRunBuild;

  runBuild.close = () => {
    kill(worker);
    worker = null;
    if (stagingDir) rmSync(stagingDir, { recursive: true, force: true });
    stagingDir = null;
  };
  return runBuild;
}
