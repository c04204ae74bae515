import { createServer, type Server } from 'node:http';
import type { BuildFailure, BuildTrigger, PublisherStatus } from '@clinic/shared-types';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BuildScheduler } from './schedule/build-scheduler.ts';
import { BuildStore, type LiveBuild } from './release/build-store.ts';
import { MANUAL_EVENT, RETRY_EVENT, STARTUP_EVENT, describeTrigger } from './schedule/build-trigger.ts';
import { BuildAbortedError, BuildCommandError, ListenError } from './errors.ts';
import { createHooksHandler } from './intake/hooks-server.ts';
import { consoleLogger, type Logger } from './logger.ts';
import { precompressAssets } from './release/precompress-assets.ts';
import { createWarmAstroBuildRunner } from './build/warm-astro-build.ts';
import type { RunBuild } from './build/run-build.ts';
import { createFormProxy } from './serve/form-proxy.ts';
import { securityHeadersFor } from './serve/security-headers.ts';
import { SiteHandler, createServedBuild, type ServedBuild } from './serve/site-server.ts';
import { verifyBuildOutput } from './release/verify-build-output.ts';
import { startPreviewListener, type PreviewListener, type PreviewListenerOptions } from './preview/start-preview.ts';
import { buildSearchIndex, closeSearchIndexer, type SearchIndexResult } from './release/build-search-index.ts';
import { composeStages, describeStages } from './build-stages.ts';

export interface PublisherOptions {
  /** Absolute; builds live in `<dataDir>/builds/`. */
  dataDir: string;
  /** The bearer token Strapi's webhook (and `POST /hooks/rebuild`) must send. */
  rebuildSecret: string;
  /**
   * Site listener port; 0 picks a free one.
   * @default 4321
   */
  sitePort?: number;
  /**
   * Site listener address.
   * @default all interfaces
   */
  siteHost?: string;
  /**
   * Hooks listener port; 0 picks a free one.
   * @default 4322
   */
  hooksPort?: number;
  /**
   * Hooks listener address; the webhook and status are not for the public.
   * @default '127.0.0.1'
   */
  hooksHost?: string;
  /**
   * Quiet window for events that arrive during a build (a publish while nothing runs is built at
   * once; see `BuildScheduler`).
   * @default 1000
   */
  quietMs?: number;
  /** @default 10000 */
  maxWaitMs?: number;
  /**
   * How long a lone publish gathers the webhooks of the same editor action before its build
   * starts (see `BuildScheduler`'s `settleMs`).
   * @default 100
   */
  settleMs?: number;
  /**
   * Successful builds kept on disk, the live one included. The others serve hashed assets that
   * pages loaded just before a switch still reference.
   * @default 3
   */
  keepBuilds?: number;
  /**
   * After a failed build while no build is live (first start, CMS not ready), try again this
   * much later. Once a build is live, failures wait for the next publish.
   * @default 15000
   */
  retryDelayMs?: number;
  /**
   * Old build folders are deleted this long after they stop being kept, so requests already
   * routed to them finish.
   * @default 30000
   */
  pruneGraceMs?: number;
  /** The build step. @default Astro's `build()` in a warm worker in `siteDir` (see `createWarmAstroBuildRunner`) */
  runBuild?: RunBuild;
  /** Astro project for the default build step. */
  siteDir?: string;
  /** Environment for the default build step. @default process.env without REBUILD_SECRET */
  buildEnv?: NodeJS.ProcessEnv;
  /** @default 300000 */
  buildTimeoutMs?: number;
  /** @default console */
  logger?: Logger;
  /** The CMS's `/api/call-requests`; when set, the site forwards form posts there. */
  formTarget?: URL;
  /** The site's canonical origin (SITE_URL); an https one adds Strict-Transport-Security. */
  canonicalUrl?: string;
  /**
   * Indexes a finished build for site search, before it goes live; a failure fails the build.
   * @default `buildSearchIndex` (Pagefind, into `<outDir>/pagefind/`)
   */
  indexSearch?: (outDir: string) => Promise<SearchIndexResult | null>;
  /** The draft preview listener (see `preview/start-preview.ts`); without it, none. */
  preview?: PreviewListenerOptions;
}

export interface Publisher {
  /** Origin of the site listener, for example `http://127.0.0.1:4321`. */
  siteUrl: string;
  /** Origin of the hooks listener; the webhook is `${hooksUrl}/hooks/strapi`. */
  hooksUrl: string;
  /** Origin of the preview listener, when there is one. */
  previewUrl?: string;
  /** The body of `GET /status`, in the publishing contract's shape (shared-types `publisherStatusSchema`). */
  status(): PublisherStatus;
  /** Same as `POST /hooks/rebuild`: build as soon as no build runs. */
  requestBuild(): void;
  /** Resolves once no build runs or waits. */
  whenIdle(): Promise<void>;
  /** Stops both listeners, stops a running build, and resolves when all is closed. */
  close(): Promise<void>;
}

const OUTPUT_TAIL_LINES = 20;

function formatOrigin(host: string, port: number): string {
  const name = host === '' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}

function listen(server: Server, port: number, host: string | undefined, name: 'site' | 'hooks'): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(new ListenError(name, `${host ?? '*'}:${port}`, error.code ?? error.message));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A keep-alive connection turns idle a moment after its last response; look again until then.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 25);
  // A client mid-download is cut after a short grace rather than holding shutdown open.
  const force = setTimeout(() => server.closeAllConnections(), 2000);
  await closed;
  clearInterval(sweep);
  clearTimeout(force);
}

/** The one line an editor needs: why the build failed, taken from astro's own output. */
export function summarizeFailure(error: unknown, output: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof BuildCommandError)) return message;
  // Astro prints an error's message just above its "Location:" or "Stack trace:" block.
  const block = output.findIndex((line) => /^\s*(Location|Stack trace):/.test(line));
  const above = block > 0 ? output[block - 1]?.trim() : undefined;
  const errorLine =
    above ||
    [...output]
      .reverse()
      .find((line) => /error/i.test(line))
      ?.trim();
  return errorLine ? `${message}: ${errorLine}` : message;
}

function withoutSecret(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { REBUILD_SECRET: _secret, ...rest } = env;
  return { ASTRO_TELEMETRY_DISABLED: '1', ...rest };
}

/**
 * Starts the publisher: recovers the live build from `dataDir`, serves it, listens for
 * webhooks, and builds (coalesced, one at a time, switched live atomically).
 */
export async function startPublisher(options: PublisherOptions): Promise<Publisher> {
  const logger = options.logger ?? consoleLogger;
  const keep = Math.max(1, options.keepBuilds ?? 3);
  const retryDelayMs = options.retryDelayMs ?? 15_000;
  const pruneGraceMs = options.pruneGraceMs ?? 30_000;
  const defaultRunner = options.runBuild
    ? null
    : createWarmAstroBuildRunner({
        siteDir: options.siteDir ?? process.cwd(),
        workDir: join(options.dataDir, 'work', 'live-build'),
        // The publisher indexes the finished output itself (below), so the site's own
        // astro:build:done indexing is switched off: once per build, never twice.
        env: { ...(options.buildEnv ?? withoutSecret(process.env)), SITE_SEARCH_INDEX: 'off' },
        timeoutMs: options.buildTimeoutMs ?? 300_000,
      });
  const runBuild: RunBuild = options.runBuild ?? (defaultRunner as RunBuild);
  const indexSearch = options.indexSearch ?? buildSearchIndex;

  const store = new BuildStore(options.dataDir);
  const site = new SiteHandler(
    options.formTarget ? createFormProxy(options.formTarget) : undefined,
    securityHeadersFor(options.canonicalUrl),
    logger,
  );
  let live: LiveBuild | null = null;
  let served: ServedBuild[] = [];
  let current: PublisherStatus['current'] = null;
  let currentAbort: AbortController | null = null;
  let lastError: BuildFailure | null = null;
  let buildsStarted = 0;
  let closing = false;
  let retryTimer: NodeJS.Timeout | null = null;
  const pendingRemovals = new Map<string, NodeJS.Timeout>();

  const recovered = await store.recover(keep);
  for (const name of recovered.removed) logger.info(`[publisher] removed ${name} from ${store.dir}`);
  if (recovered.live) {
    live = recovered.live;
    served = [recovered.live.id, ...recovered.previous].map((id) => createServedBuild(id, store.buildDir(id)));
    site.setBuilds(served);
    logger.info(`[publisher] serving build ${live.id} (finished ${live.finishedAt})`);
  }

  function removeLater(id: string): void {
    if (pendingRemovals.has(id)) return;
    const timer = setTimeout(() => {
      pendingRemovals.delete(id);
      store
        .remove(id)
        .catch((error: unknown) => logger.error(`[publisher] could not remove build ${id}: ${String(error)}`));
    }, pruneGraceMs);
    timer.unref();
    pendingRemovals.set(id, timer);
  }

  async function pruneBuilds(): Promise<void> {
    const keptIds = new Set(served.map((build) => build.id));
    for (const id of await store.listBuildIds()) {
      if (!keptIds.has(id)) removeLater(id);
    }
  }

  async function executeBuild(trigger: BuildTrigger): Promise<void> {
    const startedAt = Date.now();
    const id = store.nextBuildId(new Date(startedAt));
    const output: string[] = [];
    const abort = new AbortController();
    currentAbort = abort;
    current = { id, startedAt: new Date(startedAt).toISOString(), trigger };
    buildsStarted += 1;
    logger.info(`[publisher] build ${id} started: ${describeTrigger(trigger)}`);
    const log = (line: string): void => {
      logger.info(`[build] ${line}`);
      output.push(line);
      if (output.length > OUTPUT_TAIL_LINES) output.shift();
    };

    try {
      const outDir = await store.createPartial(id);
      const report = await runBuild({ id, outDir, signal: abort.signal, log });
      if (abort.signal.aborted) throw new BuildAbortedError('build cancelled: the publisher is shutting down');
      const builtAt = Date.now();
      await verifyBuildOutput(outDir);
      const checkedAt = Date.now();
      const search = await indexSearch(outDir);
      if (search) log(`search index: ${search.pages} pages, ${search.bytes} bytes in ${search.durationMs} ms`);
      const indexedAt = search ? Date.now() : undefined;
      const compression = await precompressAssets(outDir, { reuseFrom: site.live?.dir });
      const precompressedAt = Date.now();
      const dir = await store.promote(id);
      const nextServed = createServedBuild(id, dir);
      const finishedAt = Date.now();
      const next: LiveBuild = {
        id,
        dir,
        finishedAt: new Date(finishedAt).toISOString(),
        durationMs: finishedAt - startedAt,
        trigger,
        stages: null,
      };
      const firstEventAt = Date.parse(trigger.firstAt);
      const stagesAt = (liveAt: number) =>
        composeStages(
          {
            firstEventAt: Number.isNaN(firstEventAt) ? startedAt : firstEventAt,
            startedAt,
            builtAt,
            checkedAt,
            indexedAt,
            precompressedAt,
            liveAt,
          },
          report,
        );
      // live.json is written before the swap, so its switch time stops there; /status and the log have the whole switch.
      await store.switchLive({ ...next, stages: stagesAt(Date.now()) });
      served = [nextServed, ...served].slice(0, keep);
      site.setBuilds(served);
      next.stages = stagesAt(Date.now());
      live = next;
      logger.info(
        `[publisher] build ${id} live in ${next.durationMs} ms ` +
          `(${compression.compressed} files compressed, ${compression.reused} reused; ${describeStages(next.stages)})`,
      );
      await pruneBuilds();
    } catch (error) {
      await store.remove(`${id}.partial`).catch(() => {});
      if (live?.id !== id) await store.remove(id).catch(() => {});
      if (error instanceof BuildAbortedError || abort.signal.aborted) {
        logger.info(`[publisher] build ${id} cancelled`);
        return;
      }
      const message = summarizeFailure(error, output);
      lastError = { at: new Date().toISOString(), buildId: id, message, output: [...output] };
      logger.error(
        `[publisher] build ${id} failed after ${Date.now() - startedAt} ms: ${message}; still serving ${live?.id ?? 'nothing'}`,
      );
      if (!live && !closing) {
        retryTimer = setTimeout(() => {
          retryTimer = null;
          scheduler.add({ event: RETRY_EVENT }, { immediate: true });
        }, retryDelayMs);
        retryTimer.unref();
      }
    } finally {
      current = null;
      currentAbort = null;
    }
  }

  const scheduler = new BuildScheduler({
    quietMs: options.quietMs ?? 1000,
    maxWaitMs: options.maxWaitMs ?? 10_000,
    settleMs: options.settleMs ?? 100,
    build: executeBuild,
    onBuildError: (error) => logger.error(`[publisher] build crashed: ${String(error)}`),
  });

  function status(): PublisherStatus {
    const failed = lastError !== null && (!live || lastError.at > live.finishedAt);
    const waiting = scheduler.building || scheduler.queued;
    return {
      state: waiting ? 'building' : failed ? 'failed' : live ? 'live' : 'starting',
      // The folder path stays private: the admin reads this.
      live: live && {
        id: live.id,
        finishedAt: live.finishedAt,
        durationMs: live.durationMs,
        trigger: live.trigger,
        stages: live.stages ?? null,
      },
      building: scheduler.building,
      queued: scheduler.queued,
      current,
      lastError,
      builds: buildsStarted,
    };
  }

  const requestBuild = (): void => scheduler.add({ event: MANUAL_EVENT }, { immediate: true });

  const siteServer = createServer(site.handle);
  const hooksServer = createServer(
    createHooksHandler({
      secret: options.rebuildSecret,
      logger,
      status,
      onForceRebuild: requestBuild,
      onWebhook: (webhook, rebuild) => {
        if (rebuild) scheduler.add({ event: webhook.event, model: webhook.model });
        preview?.onWebhook(webhook);
      },
    }),
  );
  // Strapi gives up after 10 s; a client that slow is not Strapi.
  hooksServer.requestTimeout = 30_000;

  let siteAddress: AddressInfo;
  let hooksAddress: AddressInfo;
  try {
    siteAddress = await listen(siteServer, options.sitePort ?? 4321, options.siteHost, 'site');
    hooksAddress = await listen(hooksServer, options.hooksPort ?? 4322, options.hooksHost ?? '127.0.0.1', 'hooks');
  } catch (error) {
    await Promise.all([closeServer(siteServer), closeServer(hooksServer)]);
    throw error;
  }

  let preview: PreviewListener | undefined;
  if (options.preview) {
    try {
      preview = await startPreviewListener(options.preview, {
        dataDir: options.dataDir,
        siteDir: options.siteDir ?? process.cwd(),
        quietMs: options.quietMs ?? 1000,
        maxWaitMs: options.maxWaitMs ?? 10_000,
        buildTimeoutMs: options.buildTimeoutMs ?? 300_000,
        logger,
      });
    } catch (error) {
      await Promise.all([closeServer(siteServer), closeServer(hooksServer)]);
      throw error;
    }
  }

  if (!live) {
    logger.info('[publisher] no live build yet: building now');
    scheduler.add({ event: STARTUP_EVENT }, { immediate: true });
  }

  return {
    siteUrl: formatOrigin(options.siteHost ?? '', siteAddress.port),
    hooksUrl: formatOrigin(options.hooksHost ?? '127.0.0.1', hooksAddress.port),
    ...(preview ? { previewUrl: preview.url } : {}),
    status,
    requestBuild,
    whenIdle: () => scheduler.whenIdle(),
    async close() {
      if (closing) return;
      closing = true;
      if (retryTimer) clearTimeout(retryTimer);
      currentAbort?.abort();
      await Promise.all([closeServer(siteServer), closeServer(hooksServer), scheduler.close(), preview?.close()]);
      defaultRunner?.close();
      if (!options.indexSearch) await closeSearchIndexer();
      // Nothing is served any more, so old builds can go now.
      await Promise.all(
        [...pendingRemovals].map(async ([id, timer]) => {
          clearTimeout(timer);
          await store.remove(id);
        }),
      );
      pendingRemovals.clear();
    },
  };
}
