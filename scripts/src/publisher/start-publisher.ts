import { createServer, type Server } from 'node:http';
import type { PublishEvent, PublisherStatus } from '@clinic/shared-types';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BuildScheduler } from './schedule/build-scheduler.ts';
import { BuildStore } from './release/build-store.ts';
import { LiveBuilds } from './release/live-builds.ts';
import { ReleasePipeline } from './release/release-pipeline.ts';
import { MANUAL_EVENT, RETRY_EVENT, STARTUP_EVENT } from './schedule/build-trigger.ts';
import { ListenError } from './errors.ts';
import { createHooksHandler } from './intake/hooks-server.ts';
import { consoleLogger, type Logger } from './logger.ts';
import { createWarmAstroBuildRunner } from './build/warm-astro-build.ts';
import type { RunBuild } from './build/run-build.ts';
import { createFormProxy } from './serve/form-proxy.ts';
import { securityHeadersFor } from './serve/security-headers.ts';
import { SiteHandler } from './serve/site-server.ts';
import { startPreviewListener, type PreviewListener, type PreviewListenerOptions } from './preview/start-preview.ts';
import { buildSearchIndex, closeSearchIndexer, type IndexSearch } from './release/build-search-index.ts';

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
   * A build fetches all content when the last one that did went live this long ago, even if its
   * webhooks name the documents that changed (see ReleasePipeline).
   * @default 900000 (15 min)
   */
  fullFetchEveryMs?: number;
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
   * Indexes a finished build for site search, live or preview, before it is served; a failure
   * fails that build.
   * @default `buildSearchIndex` (Pagefind, into `<outDir>/pagefind/`)
   */
  indexSearch?: IndexSearch;
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

function withoutSecret(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { REBUILD_SECRET: _secret, ...rest } = env;
  return { ASTRO_TELEMETRY_DISABLED: '1', ...rest };
}

/**
 * The document a webhook is about (Strapi 5's `entry.documentId`), so its build can fetch that
 * document alone; null when there is none to name (media, bulk loads), and then it fetches
 * everything.
 */
function documentIdOf(webhook: PublishEvent): string | null {
  const documentId = webhook.entry?.['documentId'];
  return typeof documentId === 'string' && documentId !== '' ? documentId : null;
}

/** The build step: the one given, or Astro in a warm worker (closed with the publisher). */
function createBuildStep(options: PublisherOptions): { runBuild: RunBuild; close: () => void } {
  if (options.runBuild) return { runBuild: options.runBuild, close: () => {} };
  const runner = createWarmAstroBuildRunner({
    siteDir: options.siteDir ?? process.cwd(),
    workDir: join(options.dataDir, 'work', 'live-build'),
    // The publisher indexes the finished output itself (the release pipeline), so the site's own
    // astro:build:done indexing is switched off: once per build, never twice.
    env: { ...(options.buildEnv ?? withoutSecret(process.env)), SITE_SEARCH_INDEX: 'off' },
    timeoutMs: options.buildTimeoutMs ?? 300_000,
  });
  return { runBuild: runner, close: () => runner.close() };
}

/** The body of `GET /status`: what is live, what runs or waits, and the last failure after it. */
function describeStatus(builds: LiveBuilds, pipeline: ReleasePipeline, scheduler: BuildScheduler): PublisherStatus {
  const live = builds.live;
  const lastError = pipeline.lastError;
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
    current: pipeline.current,
    lastError,
    builds: pipeline.started,
  };
}

/** The site listener (public) and the hooks listener (webhook, status); both or neither. */
async function startListeners(
  options: PublisherOptions,
  site: SiteHandler,
  hooks: Parameters<typeof createHooksHandler>[0],
): Promise<{ siteUrl: string; hooksUrl: string; close: () => Promise<void> }> {
  const siteServer = createServer(site.handle);
  const hooksServer = createServer(createHooksHandler(hooks));
  // Strapi gives up after 10 s; a client that slow is not Strapi.
  hooksServer.requestTimeout = 30_000;
  const close = async () => {
    await Promise.all([closeServer(siteServer), closeServer(hooksServer)]);
  };
  try {
    const siteAddress = await listen(siteServer, options.sitePort ?? 4321, options.siteHost, 'site');
    const hooksHost = options.hooksHost ?? '127.0.0.1';
    const hooksAddress = await listen(hooksServer, options.hooksPort ?? 4322, hooksHost, 'hooks');
    return {
      siteUrl: formatOrigin(options.siteHost ?? '', siteAddress.port),
      hooksUrl: formatOrigin(hooksHost, hooksAddress.port),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Starts the publisher, step by step: recover the live build from `dataDir` and serve it, wire
 * the release pipeline to the scheduler, listen for webhooks (and for previews), and build at
 * once when nothing is live yet. Builds are coalesced, run one at a time and switch live
 * atomically.
 */
export async function startPublisher(options: PublisherOptions): Promise<Publisher> {
  const logger = options.logger ?? consoleLogger;
  const quietMs = options.quietMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  let closing = false;
  let retryTimer: NodeJS.Timeout | null = null;

  // 1. Serve what the last run left live.
  const site = new SiteHandler(
    options.formTarget ? createFormProxy(options.formTarget) : undefined,
    securityHeadersFor(options.canonicalUrl),
    logger,
  );
  const builds = new LiveBuilds(new BuildStore(options.dataDir), site, {
    keep: Math.max(1, options.keepBuilds ?? 3),
    pruneGraceMs: options.pruneGraceMs ?? 30_000,
    logger,
  });
  await builds.recover();

  // 2. The release pipeline, fed by the scheduler. While nothing is live (first start, CMS not
  //    ready yet), a failed build is retried; once a build is live, failures wait for a publish.
  const buildStep = createBuildStep(options);
  const indexSearch = options.indexSearch ?? buildSearchIndex;
  const pipeline = new ReleasePipeline({
    runBuild: buildStep.runBuild,
    indexSearch,
    builds,
    logger,
    fullFetchEveryMs: options.fullFetchEveryMs,
    onFailure: () => {
      if (builds.live || closing) return;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        scheduler.add({ event: RETRY_EVENT }, { immediate: true });
      }, options.retryDelayMs ?? 15_000);
      retryTimer.unref();
    },
  });
  const scheduler = new BuildScheduler({
    quietMs,
    maxWaitMs,
    settleMs: options.settleMs ?? 100,
    build: (trigger, changes) => pipeline.run(trigger, changes),
    onBuildError: (error) => logger.error(`[publisher] build crashed: ${String(error)}`),
  });
  const status = (): PublisherStatus => describeStatus(builds, pipeline, scheduler);
  const requestBuild = (): void => scheduler.add({ event: MANUAL_EVENT }, { immediate: true });

  // 3. Listen: the site, the webhook (which also tells the preview about saves), the preview.
  let preview: PreviewListener | undefined;
  const listeners = await startListeners(options, site, {
    secret: options.rebuildSecret,
    logger,
    status,
    onForceRebuild: requestBuild,
    onWebhook: (webhook, rebuild) => {
      if (rebuild) scheduler.add({ event: webhook.event, model: webhook.model, documentId: documentIdOf(webhook) });
      preview?.onWebhook(webhook);
    },
  });
  if (options.preview) {
    try {
      preview = await startPreviewListener(options.preview, {
        dataDir: options.dataDir,
        siteDir: options.siteDir ?? process.cwd(),
        quietMs,
        maxWaitMs,
        buildTimeoutMs: options.buildTimeoutMs ?? 300_000,
        indexSearch,
        logger,
      });
    } catch (error) {
      await listeners.close();
      throw error;
    }
  }

  // 4. Nothing live yet: build now.
  if (!builds.live) {
    logger.info('[publisher] no live build yet: building now');
    scheduler.add({ event: STARTUP_EVENT }, { immediate: true });
  }

  return {
    siteUrl: listeners.siteUrl,
    hooksUrl: listeners.hooksUrl,
    ...(preview ? { previewUrl: preview.url } : {}),
    status,
    requestBuild,
    whenIdle: () => scheduler.whenIdle(),
    async close() {
      if (closing) return;
      closing = true;
      if (retryTimer) clearTimeout(retryTimer);
      pipeline.cancel();
      await Promise.all([listeners.close(), scheduler.close(), preview?.close()]);
      buildStep.close();
      if (!options.indexSearch) await closeSearchIndexer();
      // Nothing is served any more, so old builds can go now.
      await builds.close();
    },
  };
}
