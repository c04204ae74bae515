import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildFailure, BuildStages, BuildTrigger, PublisherStatus } from '@clinic/shared-types';
import { composeStages, describeStages } from '../build-stages.ts';
import { summarizeFailure } from '../build/summarize-failure.ts';
import type { RunBuild, RunBuildContext, RunBuildReport } from '../build/run-build.ts';
import { BuildAbortedError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { describeTrigger } from '../schedule/build-trigger.ts';
import { SEARCH_INDEX_DIR, type IndexSearch } from './build-search-index.ts';
import type { LiveBuild } from './build-store.ts';
import type { LiveBuilds } from './live-builds.ts';
import { precompressAssets, type PrecompressResult } from './precompress-assets.ts';
import { verifyBuildOutput } from './verify-build-output.ts';

const OUTPUT_TAIL_LINES = 20;

export interface ReleasePipelineOptions {
  runBuild: RunBuild;
  indexSearch: IndexSearch;
  builds: LiveBuilds;
  logger: Logger;
  /** Called after a failed build (not a cancelled one), with the failure /status shows. */
  onFailure?: (failure: BuildFailure) => void;
  /**
   * A build fetches everything when the last one that did went live this long ago, whatever its
   * changes: a webhook the publisher never received (the CMS down, a network fault) would
   * otherwise leave its document stale until something else fetched everything.
   * @default 900000 (15 min)
   */
  fullFetchEveryMs?: number | undefined;
}

/** "content: 2 changed documents" or "content: everything", for the log line of a build's start. */
function describeChanges(changes: Record<string, string[]> | null): string {
  if (changes === null) return 'content: everything';
  const count = Object.values(changes).reduce((sum, ids) => sum + ids.length, 0);
  return `content: ${count} changed document${count === 1 ? '' : 's'}`;
}

/** The instants one build passes, for its stage timings. */
interface Marks {
  startedAt: number;
  builtAt: number;
  checkedAt: number;
  indexedAt: number | undefined;
  precompressedAt: number;
}

/**
 * One build from trigger to live, in the order of its steps: build the site into a partial
 * folder, check the output, index it for search, precompress it, promote it, switch the site
 * to it. Any failure leaves the live build in place and is kept for /status.
 */
export class ReleasePipeline {
  #current: PublisherStatus['current'] = null;
  #abort: AbortController | null = null;
  #lastError: BuildFailure | null = null;
  #started = 0;
  /**
   * A build since the last live one failed or was cancelled, possibly before its changes reached
   * the build step's content (a worker's store), so the next build fetches everything instead of
   * only its own changes: a publish of one document must not leave another one stale.
   */
  #changesMayBeLost = false;
  /** When the last build that fetched everything started, if one went live. */
  #everythingFetchedAt: number | null = null;

  constructor(private readonly options: ReleasePipelineOptions) {}

  /** The build running now, for /status. */
  get current(): PublisherStatus['current'] {
    return this.#current;
  }

  get lastError(): BuildFailure | null {
    return this.#lastError;
  }

  /** Builds started since the publisher started. */
  get started(): number {
    return this.#started;
  }

  /** Cancels the running build, if any; the live build stays. */
  cancel(): void {
    this.#abort?.abort();
  }

  /**
   * Runs one build through every step; resolves when it is live, has failed, or was cancelled.
   * `changes` are the documents changed since the last build, by model (see RunBuildContext), or
   * null for everything.
   */
  async run(trigger: BuildTrigger, changes: Record<string, string[]> | null = null): Promise<void> {
    const { builds, logger } = this.options;
    const startedAt = Date.now();
    const fetchedLongAgo =
      this.#everythingFetchedAt === null ||
      startedAt - this.#everythingFetchedAt >= (this.options.fullFetchEveryMs ?? 15 * 60_000);
    const buildChanges = this.#changesMayBeLost || fetchedLongAgo ? null : changes;
    this.#changesMayBeLost = true;
    const id = builds.store.nextBuildId(new Date(startedAt));
    const output: string[] = [];
    const abort = new AbortController();
    this.#abort = abort;
    this.#current = { id, startedAt: new Date(startedAt).toISOString(), trigger };
    this.#started += 1;
    logger.info(`[publisher] build ${id} started: ${describeTrigger(trigger)}; ${describeChanges(buildChanges)}`);
    const log = (line: string): void => {
      logger.info(`[build] ${line}`);
      output.push(line);
      if (output.length > OUTPUT_TAIL_LINES) output.shift();
    };

    try {
      const outDir = await builds.store.createPartial(id);
      const report = await this.#buildSite({ id, outDir, signal: abort.signal, log, changes: buildChanges });
      const builtAt = Date.now();
      await verifyBuildOutput(outDir);
      const checkedAt = Date.now();
      const { indexedAt, compression } = await this.#indexAndCompress(outDir, log);
      const precompressedAt = Date.now();
      const live = await this.#goLive(id, trigger, report, {
        startedAt,
        builtAt,
        checkedAt,
        indexedAt,
        precompressedAt,
      });
      this.#changesMayBeLost = false;
      if (buildChanges === null) this.#everythingFetchedAt = startedAt;
      logger.info(
        `[publisher] build ${id} live in ${live.durationMs} ms ` +
          `(${compression.compressed} files compressed, ${compression.reused} reused; ${describeStages(live.stages)})`,
      );
    } catch (error) {
      await builds.discard(id);
      if (error instanceof BuildAbortedError || abort.signal.aborted) {
        logger.info(`[publisher] build ${id} cancelled`);
        return;
      }
      const message = summarizeFailure(error, output);
      this.#lastError = { at: new Date().toISOString(), buildId: id, message, output: [...output] };
      logger.error(
        `[publisher] build ${id} failed after ${Date.now() - startedAt} ms: ${message}; still serving ${builds.live?.id ?? 'nothing'}`,
      );
      this.options.onFailure?.(this.#lastError);
    } finally {
      this.#current = null;
      this.#abort = null;
    }
  }

  async #buildSite(context: RunBuildContext): Promise<RunBuildReport | void> {
    const report = await this.options.runBuild(context);
    if (context.signal.aborted) throw new BuildAbortedError('build cancelled: the publisher is shutting down');
    return report;
  }

  /** Indexes the build for site search; the instant it finished, or undefined without an index. */
  async #indexSearch(outDir: string, log: (line: string) => void): Promise<number | undefined> {
    const search = await this.options.indexSearch(outDir);
    if (!search) return undefined;
    log(`search index: ${search.pages} pages, ${search.bytes} bytes in ${search.durationMs} ms`);
    return Date.now();
  }

  /**
   * Indexes the build for search while its files are compressed, then compresses the index:
   * Pagefind is a process of its own and zlib runs on libuv's threads, so on two cores the two
   * take about the time of the longer one. The index only reads the pages, and nothing reads the
   * index's folder until it is written. The first failure fails the build once both have stopped.
   */
  async #indexAndCompress(
    outDir: string,
    log: (line: string) => void,
  ): Promise<{ indexedAt: number | undefined; compression: PrecompressResult }> {
    const { servedDir } = this.options.builds;
    const [index, pages] = await Promise.allSettled([
      this.#indexSearch(outDir, log),
      precompressAssets(outDir, { reuseFrom: servedDir, exclude: SEARCH_INDEX_DIR }),
    ]);
    if (index.status === 'rejected') throw index.reason;
    if (pages.status === 'rejected') throw pages.reason;
    const indexDir = join(outDir, SEARCH_INDEX_DIR);
    const compression = pages.value;
    if (existsSync(indexDir)) {
      const ofIndex = await precompressAssets(indexDir, {
        reuseFrom: servedDir === undefined ? undefined : join(servedDir, SEARCH_INDEX_DIR),
      });
      compression.compressed += ofIndex.compressed;
      compression.reused += ofIndex.reused;
    }
    return { indexedAt: index.value, compression };
  }

  async #goLive(
    id: string,
    trigger: BuildTrigger,
    report: RunBuildReport | void,
    marks: Marks,
  ): Promise<LiveBuild & { stages: BuildStages }> {
    const { builds } = this.options;
    const dir = await builds.store.promote(id);
    const finishedAt = Date.now();
    const firstEventAt = Date.parse(trigger.firstAt);
    return builds.switchTo(
      {
        id,
        dir,
        finishedAt: new Date(finishedAt).toISOString(),
        durationMs: finishedAt - marks.startedAt,
        trigger,
      },
      (liveAt) =>
        composeStages(
          { ...marks, firstEventAt: Number.isNaN(firstEventAt) ? marks.startedAt : firstEventAt, liveAt },
          report,
        ),
    );
  }
}
