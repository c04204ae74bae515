import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildTrigger } from '@clinic/shared-types';
import type { RunBuild, RunBuildReport } from '../build/run-build.ts';
import { BuildAbortedError, BuildOutputInvalidError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { IndexSearch } from '../release/build-search-index.ts';
import { BuildStore } from '../release/build-store.ts';
import { REQUIRED_OUTPUT_FILES } from '../release/verify-build-output.ts';
import { BuildScheduler } from '../schedule/build-scheduler.ts';
import { describeTrigger, type TriggerEvent } from '../schedule/build-trigger.ts';
import type { SecurityHeader } from '../serve/security-headers.ts';
import { SiteHandler, createServedBuild, type ServedBuild } from '../serve/site-server.ts';
import {
  PREVIEW_COOKIE,
  PREVIEW_ENTRY_ROUTE,
  readCookie,
  sessionCookie,
  signSession,
  verifyPreviewLink,
  verifySession,
} from './preview-link.ts';
import { adminOriginsOf, previewHeaders } from './preview-headers.ts';
import {
  PREVIEW_STATUS_PATH,
  RELOAD_SCRIPT_PATH,
  reloadScript,
  renderBuildFailure,
  renderBuilding,
  renderRefusal,
} from './preview-pages.ts';

/** The event a preview build records when an editor opens a preview. */
export const PREVIEW_OPENED_EVENT = 'preview.opened';

export interface PreviewServiceOptions {
  /** Preview builds live in `<dataDir>/preview/builds/`, apart from the live site's. */
  dataDir: string;
  /** PREVIEW_SECRET: verifies the admin's links and signs the session cookie. */
  secret: string;
  /** Origins allowed to frame previews and to announce saves. @default adminOriginsOf(process.env) */
  adminOrigins?: readonly string[];
  /** Builds the site from drafts (its own warm worker, the preview token, CMS_CONTENT_STATUS=draft). */
  runBuild: RunBuild;
  /**
   * Indexes a preview build for site search after its output check, before it is served, so the
   * preview's search page finds the drafts; a failure fails that preview build.
   */
  indexSearch: IndexSearch;
  /** Cookies get `SameSite=None; Secure` (the preview origin is https). */
  secureCookie: boolean;
  quietMs: number;
  maxWaitMs: number;
  logger: Logger;
  /** @default Date.now */
  now?: () => number;
}

export interface PreviewService {
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** A draft changed (a `changesPreview` webhook): rebuilds while an editor has a preview open. */
  noteChange(event: TriggerEvent): void;
  /**
   * What the reload script polls: `version` counts finished preview builds (failed ones
   * included); `changes` counts draft changes received, `builtChanges` how many of them the last
   * finished build includes, so a page reloads for the build that has its save, not an older one.
   */
  status(): {
    version: number;
    changes: number;
    builtChanges: number;
    state: 'starting' | 'building' | 'live' | 'failed';
    liveId: string | null;
  };
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

const KEEP_BUILDS = 2;

/**
 * The preview listener: drafts built on demand into their own folder and served only to editors
 * holding a signed link's cookie, never cached or indexed, framable only by the admin.
 */
export function createPreviewService(options: PreviewServiceOptions): PreviewService {
  const now = options.now ?? Date.now;
  const logger = options.logger;
  const adminOrigins = options.adminOrigins ?? adminOriginsOf(process.env);
  const headers = previewHeaders(adminOrigins);
  const store = new BuildStore(join(options.dataDir, 'preview'));
  const site = new SiteHandler(undefined, headers, logger);
  const script = reloadScript(adminOrigins);
  let served: ServedBuild[] = [];
  let failure: { at: number; message: string } | null = null;
  let liveAt = 0;
  let version = 0;
  let changes = 0;
  let builtChanges = 0;
  /** Until when an editor holds a preview session (ms); draft saves rebuild only until then. */
  let activeUntil = 0;
  /** A draft changed since the last preview build (or none was built by this process). */
  let stale = true;
  let abort: AbortController | null = null;

  async function build(trigger: BuildTrigger): Promise<void> {
    const startedAt = now();
    const id = store.nextBuildId(new Date(startedAt));
    const output: string[] = [];
    abort = new AbortController();
    stale = false;
    const covers = changes;
    const log = (line: string): void => {
      logger.info(`[preview-build] ${line}`);
      output.push(line);
    };
    logger.info(`[preview] build ${id} started: ${describeTrigger(trigger)}`);
    try {
      const outDir = await store.createPartial(id);
      const report = await options.runBuild({ id, outDir, signal: abort.signal, log });
      if (abort.signal.aborted) throw new BuildAbortedError('preview build cancelled');
      const builtAt = now();
      await verifyPreviewOutput(outDir);
      const indexMs = await indexPreview(outDir, log);
      if (abort.signal.aborted) throw new BuildAbortedError('preview build cancelled');
      const dir = await store.promote(id);
      const finishedAt = now();
      await store.switchLive({
        id,
        dir,
        finishedAt: new Date(finishedAt).toISOString(),
        durationMs: finishedAt - startedAt,
        trigger,
      });
      const dropped = served.slice(KEEP_BUILDS - 1);
      served = [createServedBuild(id, dir), ...served].slice(0, KEEP_BUILDS);
      site.setBuilds(served);
      liveAt = finishedAt;
      failure = null;
      version += 1;
      builtChanges = covers;
      logger.info(
        `[preview] build ${id} live in ${finishedAt - startedAt} ms (${describePhases(report, indexMs, finishedAt - builtAt - (indexMs ?? 0))})`,
      );
      // Editors' open pages may still fetch the dropped build's assets for a moment.
      for (const old of dropped) setTimeout(() => void store.remove(old.id).catch(() => {}), 30_000).unref();
    } catch (error) {
      await store.remove(`${id}.partial`).catch(() => {});
      if (error instanceof BuildAbortedError || abort.signal.aborted) return;
      failure = { at: now(), message: describeBuildFailure(error, output) };
      version += 1;
      builtChanges = covers;
      logger.error(`[preview] build ${id} failed: ${failure.message}`);
    } finally {
      abort = null;
    }
  }

  /** Indexes the build for site search; how long it took, or undefined without an index. */
  async function indexPreview(outDir: string, log: (line: string) => void): Promise<number | undefined> {
    const startedAt = now();
    const search = await options.indexSearch(outDir);
    if (!search) return undefined;
    log(`search index: ${search.pages} pages, ${search.bytes} bytes in ${search.durationMs} ms`);
    return now() - startedAt;
  }

  const scheduler = new BuildScheduler({
    quietMs: options.quietMs,
    maxWaitMs: options.maxWaitMs,
    build,
    onBuildError: (error) => logger.error(`[preview] build crashed: ${String(error)}`),
  });

  function session(req: IncomingMessage): number | null {
    const exp = verifySession(options.secret, readCookie(req.headers.cookie, PREVIEW_COOKIE), now());
    if (exp !== null) activeUntil = Math.max(activeUntil, exp * 1000);
    return exp;
  }

  function send(
    res: ServerResponse,
    status: number,
    type: string,
    body: string,
    extra: OutgoingHttpHeaders = {},
  ): void {
    for (const [name, value] of headers) res.setHeader(name, value);
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
    res.end(body);
  }

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    if (url.pathname === PREVIEW_ENTRY_ROUTE) {
      const check = verifyPreviewLink(options.secret, url.searchParams, now());
      if (!check.ok) {
        send(res, 401, 'text/html; charset=utf-8', renderRefusal(check.reason));
        return;
      }
      activeUntil = Math.max(activeUntil, check.exp * 1000);
      if (stale) scheduler.add({ event: PREVIEW_OPENED_EVENT }, { immediate: true });
      const cookie = sessionCookie(signSession(options.secret, check.exp), {
        exp: check.exp,
        nowMs: now(),
        secure: options.secureCookie,
      });
      send(res, 303, 'text/plain; charset=utf-8', 'See the preview\n', { Location: check.path, 'Set-Cookie': cookie });
      return;
    }
    if (session(req) === null) {
      send(
        res,
        401,
        'text/html; charset=utf-8',
        renderRefusal('You have no preview session here, or it has expired (sessions last one hour).'),
      );
      return;
    }
    if (url.pathname === RELOAD_SCRIPT_PATH) {
      send(res, 200, 'text/javascript; charset=utf-8', script);
      return;
    }
    if (url.pathname === PREVIEW_STATUS_PATH) {
      send(res, 200, 'application/json', JSON.stringify(status()));
      return;
    }
    if (failure && failure.at > liveAt && !url.pathname.startsWith('/_astro/')) {
      send(res, 422, 'text/html; charset=utf-8', renderBuildFailure(failure.message));
      return;
    }
    // No build yet, or a page while the build with the latest saved draft is still to come: an
    // older build would show the editor a draft without their last save, and the page would not
    // reload (the reload script waits for the next save). The building page refreshes itself.
    if (served.length === 0 || (builtChanges < changes && isPageRequest(url.pathname))) {
      if (!scheduler.building && !scheduler.queued) scheduler.add({ event: PREVIEW_OPENED_EVENT }, { immediate: true });
      send(res, 503, 'text/html; charset=utf-8', renderBuilding(), { 'Retry-After': '2' });
      return;
    }
    // No revalidation: every answer is fresh (no-store), never a 304.
    delete req.headers['if-none-match'];
    delete req.headers['if-modified-since'];
    site.handle(req, keepHeaders(res, headers));
  };

  function status(): ReturnType<PreviewService['status']> {
    const waiting = scheduler.building || scheduler.queued;
    return {
      version,
      changes,
      builtChanges,
      state: waiting ? 'building' : failure && failure.at > liveAt ? 'failed' : served.length > 0 ? 'live' : 'starting',
      liveId: served[0]?.id ?? null,
    };
  }

  return {
    handle,
    noteChange(event) {
      changes += 1;
      if (now() < activeUntil) scheduler.add(event);
      else stale = true;
    },
    status,
    whenIdle: () => scheduler.whenIdle(),
    async close() {
      abort?.abort();
      await scheduler.close();
    },
  };
}

/**
 * Checks a preview build holds a servable site: the live site's required files, less the
 * sitemap, which a preview build leaves out (previews are never indexed).
 * @throws BuildOutputInvalidError naming the first missing or empty file
 */
async function verifyPreviewOutput(dir: string): Promise<void> {
  for (const { file, nonEmpty } of REQUIRED_OUTPUT_FILES) {
    if (file === 'sitemap-index.xml') continue;
    const stats = await stat(join(dir, file)).catch(() => null);
    if (!stats?.isFile()) throw new BuildOutputInvalidError(`${file} is missing from the preview build`);
    if (nonEmpty && stats.size === 0) throw new BuildOutputInvalidError(`${file} is empty in the preview build`);
  }
}

/**
 * A preview build's time by phase, for the log: where a Save's seconds go. `serve` is the output
 * check, promotion and switch; `index` the search index (absent without one).
 */
function describePhases(report: RunBuildReport | void, indexMs: number | undefined, serveMs: number): string {
  const phases: [string, number | undefined][] = [
    ['setup', report?.setupMs],
    ['content', report?.contentMs],
    ['bundle', report?.bundleMs],
    ['render', report?.renderMs],
    ['integrations', report?.integrationsMs],
    ['index', indexMs],
    ['serve', serveMs],
  ];
  return phases
    .filter((phase): phase is [string, number] => phase[1] !== undefined)
    .map(([name, ms]) => `${name} ${ms} ms`)
    .join(', ');
}

/**
 * What the editor reads on the failure page: the site's own error (a ContentValidationError names
 * each entry and field, one per line), without stack frames; when the error says less than the
 * build printed, the site's error lines from the output.
 */
export function describeBuildFailure(error: unknown, output: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !/^\s*at\s/.test(line));
  if (lines.length > 1) return lines.slice(0, 20).join('\n');
  const named = output
    .map((line) => line.trim())
    .filter((line) => /(ContentValidationError|CmsAuthError|CmsUnreachableError|CmsResponseError)/.test(line));
  return [...new Set([...lines, ...named])].slice(0, 20).join('\n');
}

/** A page rather than an asset (hashed scripts and styles, images, the search index). */
function isPageRequest(pathname: string): boolean {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !last.includes('.') || last.endsWith('.html');
}

/**
 * A response whose preview headers (no-store, noindex) the site handler cannot override: it sets
 * its own Cache-Control and validators for the live site. The CSP alone it may set: it applies
 * the live site's per-path rule (`contentSecurityPolicyFor`) to the preview's policy, so search
 * and Pagefind's files get `'wasm-unsafe-eval'` with the admin's `frame-ancestors`.
 */
function keepHeaders(res: ServerResponse, headers: readonly SecurityHeader[]): ServerResponse {
  const forced = new Map(headers.map(([name, value]) => [name.toLowerCase(), value]));
  const setHeader = res.setHeader.bind(res);
  for (const [name, value] of headers) setHeader(name, value);
  res.setHeader = (name: string, value: number | string | readonly string[]) =>
    forced.has(name.toLowerCase()) && name.toLowerCase() !== 'content-security-policy' ? res : setHeader(name, value);
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  res.writeHead = ((status: number, given?: OutgoingHttpHeaders) => {
    const kept: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(given ?? {})) {
      const lower = name.toLowerCase();
      if (!forced.has(lower) && lower !== 'etag' && lower !== 'last-modified') kept[name] = value;
    }
    res.removeHeader('ETag');
    res.removeHeader('Last-Modified');
    return writeHead(status, kept);
  }) as ServerResponse['writeHead'];
  return res;
}
