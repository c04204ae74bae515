import type { BuildTrigger } from '@clinic/shared-types';
import { TriggerAccumulator, type TriggerEvent } from './build-trigger.ts';

export interface BuildSchedulerOptions {
  /**
   * Events that arrive while a build runs are built once none arrived for this long (a burst is
   * still going on), or at once when the build ends if they are older. An event while nothing
   * runs or waits never waits for it.
   * @default 1000
   */
  quietMs: number;
  /**
   * Events waiting for quiet are built at the latest this long after the first of them, however
   * busy the editors.
   * @default 10000
   */
  maxWaitMs: number;
  /**
   * A lone event (nothing runs or waits) is built this long after it arrives, so the events one
   * editor action sends together (Strapi sends a delete of a published entry as more than one
   * webhook, a few milliseconds apart) make one build, not a build and a follow-up.
   * @default 0
   */
  settleMs?: number;
  /**
   * Runs one build. Never called while a previous call is still pending. `changes` are the
   * documents the merged events changed, by model (`TriggerAccumulator.toChanges`), or null when
   * everything must be fetched again.
   */
  build: (trigger: BuildTrigger, changes: Record<string, string[]> | null) => Promise<void>;
  /** Called when `build` rejects; the scheduler carries on either way. */
  onBuildError?: (error: unknown) => void;
  /** @default Date.now */
  now?: () => number;
}

interface PendingBurst {
  events: TriggerAccumulator;
  dueAt: number;
  immediate: boolean;
  /** Started by a lone event: due `settleMs` after it, whatever joins meanwhile. */
  settling: boolean;
}

/**
 * Coalesces events into builds without making a lone publish wait: an event while nothing runs
 * or waits starts a build at once; builds never overlap; events that arrive during a build merge
 * into exactly one follow-up build, which starts when the build ends and no event came for the
 * quiet window (capped from the first of them). A burst thus costs a build at its start and one
 * after it: 50 publishes within 5 s make at most 3 builds, and every event is in one of them.
 */
export class BuildScheduler {
  readonly #options: BuildSchedulerOptions;
  readonly #now: () => number;
  #pending: PendingBurst | null = null;
  #running: Promise<void> | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #closed = false;
  #idleWaiters: Array<() => void> = [];

  constructor(options: BuildSchedulerOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** True while a build runs. */
  get building(): boolean {
    return this.#running !== null;
  }

  /** True while events wait for their build (quiet window, or a build in progress). */
  get queued(): boolean {
    return this.#pending !== null;
  }

  /**
   * Records an event. It starts a build at once when nothing runs or waits; otherwise it joins
   * the waiting events. With `immediate` (startup, a forced rebuild), they are built as soon as
   * no build runs, without waiting for quiet.
   */
  add(event: TriggerEvent, options: { immediate?: boolean } = {}): void {
    if (this.#closed) return;
    const now = this.#now();
    // Nothing running or waiting means no burst in progress: its first event is built at once.
    const idle = !this.#pending && !this.#running;
    this.#pending ??= { events: new TriggerAccumulator(now), dueAt: now, immediate: false, settling: false };
    const pending = this.#pending;
    pending.events.add(event, now);
    if (options.immediate === true) {
      pending.immediate = true;
      pending.dueAt = Math.min(pending.dueAt, now);
    } else if (idle) {
      pending.settling = true;
      pending.dueAt = now + (this.#options.settleMs ?? 0);
    } else if (!pending.immediate && !pending.settling) {
      pending.dueAt = Math.min(now + this.#options.quietMs, pending.events.firstAt + this.#options.maxWaitMs);
    }
    this.#arm();
  }

  /** Resolves once no build runs and none waits. */
  whenIdle(): Promise<void> {
    if (!this.#running && !this.#pending) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Drops waiting events and resolves when the running build (if any) has settled. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#clearTimer();
    this.#pending = null;
    await this.#running;
    this.#notifyIdle();
  }

  #arm(): void {
    this.#clearTimer();
    // A build in progress re-arms when it ends; the burst keeps collecting until then.
    if (!this.#pending || this.#running || this.#closed) return;
    const delay = Math.max(0, this.#pending.dueAt - this.#now());
    this.#timer = setTimeout(() => this.#start(), delay);
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #start(): void {
    this.#timer = null;
    const pending = this.#pending;
    if (!pending || this.#running || this.#closed) return;
    this.#pending = null;
    this.#running = this.#runOne(pending.events.toTrigger(), pending.events.toChanges());
  }

  async #runOne(trigger: BuildTrigger, changes: Record<string, string[]> | null): Promise<void> {
    try {
      // Deferred one microtask so `#running` is set before a synchronous throw lands in `finally`.
      await Promise.resolve().then(() => this.#options.build(trigger, changes));
    } catch (error) {
      this.#options.onBuildError?.(error);
    } finally {
      this.#running = null;
      this.#arm();
      this.#notifyIdle();
    }
  }

  #notifyIdle(): void {
    if (this.#running || this.#pending) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
