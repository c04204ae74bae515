import type { BuildStages } from '@clinic/shared-types';
import type { Logger } from '../logger.ts';
import { createServedBuild, type ServedBuild, type SiteHandler } from '../serve/site-server.ts';
import type { BuildStore, LiveBuild } from './build-store.ts';

export interface LiveBuildsOptions {
  /** Successful builds kept on disk and served, the live one included. */
  keep: number;
  /** How long a build that is no longer kept stays on disk, so requests routed to it finish. */
  pruneGraceMs: number;
  logger: Logger;
}

/**
 * The builds the site serves: the live one and the few before it (pages loaded just before a
 * switch still fetch their hashed assets). Switches the site to a new build, and removes the
 * builds that fall out of the kept set after a grace.
 */
export class LiveBuilds {
  #live: LiveBuild | null = null;
  #served: ServedBuild[] = [];
  readonly #pendingRemovals = new Map<string, NodeJS.Timeout>();

  constructor(
    readonly store: BuildStore,
    private readonly site: SiteHandler,
    private readonly options: LiveBuildsOptions,
  ) {}

  /** The build visitors get, or null before the first build. */
  get live(): LiveBuild | null {
    return this.#live;
  }

  /** The folder of the build being served, whose unchanged files a new build may reuse. */
  get servedDir(): string | undefined {
    return this.site.live?.dir;
  }

  /** Serves the live build (and the kept ones) left by the last run, and clears out the rest. */
  async recover(): Promise<void> {
    const recovered = await this.store.recover(this.options.keep);
    for (const name of recovered.removed)
      this.options.logger.info(`[publisher] removed ${name} from ${this.store.dir}`);
    if (!recovered.live) return;
    this.#live = recovered.live;
    this.#served = [recovered.live.id, ...recovered.previous].map((id) =>
      createServedBuild(id, this.store.buildDir(id)),
    );
    this.site.setBuilds(this.#served);
    this.options.logger.info(`[publisher] serving build ${recovered.live.id} (finished ${recovered.live.finishedAt})`);
  }

  /**
   * Makes a promoted build the live one: `live.json` first (a restart finds it), then the site's
   * switch. `stagesAt` gives the build's stage timings up to an instant, so the switch is timed too.
   */
  async switchTo(
    next: Omit<LiveBuild, 'stages'>,
    stagesAt: (liveAt: number) => BuildStages,
  ): Promise<LiveBuild & { stages: BuildStages }> {
    const served = createServedBuild(next.id, next.dir);
    // live.json is written before the swap, so its switch time stops there; /status and the log have the whole switch.
    await this.store.switchLive({ ...next, stages: stagesAt(Date.now()) });
    this.#served = [served, ...this.#served].slice(0, this.options.keep);
    this.site.setBuilds(this.#served);
    const live = { ...next, stages: stagesAt(Date.now()) };
    this.#live = live;
    await this.#prune();
    return live;
  }

  /** Removes what a failed or cancelled build left on disk (never the live build). */
  async discard(id: string): Promise<void> {
    await this.store.remove(`${id}.partial`).catch(() => {});
    if (this.#live?.id !== id) await this.store.remove(id).catch(() => {});
  }

  /** Removes the builds waiting for their grace to end: once nothing is served, none is needed. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.#pendingRemovals].map(async ([id, timer]) => {
        clearTimeout(timer);
        await this.store.remove(id);
      }),
    );
    this.#pendingRemovals.clear();
  }

  async #prune(): Promise<void> {
    const kept = new Set(this.#served.map((build) => build.id));
    for (const id of await this.store.listBuildIds()) {
      if (!kept.has(id)) this.#removeLater(id);
    }
  }

  #removeLater(id: string): void {
    if (this.#pendingRemovals.has(id)) return;
    const timer = setTimeout(() => {
      this.#pendingRemovals.delete(id);
      this.store
        .remove(id)
        .catch((error: unknown) =>
          this.options.logger.error(`[publisher] could not remove build ${id}: ${String(error)}`),
        );
    }, this.options.pruneGraceMs);
    timer.unref();
    this.#pendingRemovals.set(id, timer);
  }
}
