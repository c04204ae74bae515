import type { BuildTrigger } from '@clinic/shared-types';
import { TriggerAccumulator, type TriggerEvent } from './build-trigger.ts';

export interface BuildSchedulerOptions {
  /**
   * A burst ends when no event arrived for this long.
   * @default 1000
   */
  quietMs: number;
  /**
   * A burst is built at the latest this long after its first event, however busy the editors.
   * @default 10000
   */
  maxWaitMs: number;
  /** Runs one build. Never called while a previous call is still pending. */
  build: (trigger: BuildTrigger) => Promise<void>;
  /** Called when `build` rejects; the scheduler carries on either way. */
  onBuildError?: (error: unknown) => void;
  /** @default Date.now */
  now?: () => number;
}

interface PendingBurst {
  events: TriggerAccumulator;
  dueAt: number;
  immediate: boolean;
}

/**
 * Coalesces events into builds: a burst becomes one build after a quiet window (capped from the
 * burst's first event), builds never overlap, and events that arrive during a build merge into
 * exactly one follow-up build.
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
   * Records an event. With `immediate`, the burst is built as soon as no build runs (startup,
   * a forced rebuild) instead of after the quiet window.
   */
  add(event: TriggerEvent, options: { immediate?: boolean } = {}): void {
    if (this.#closed) return;
    const now = this.#now();
    if (!this.#pending) {
      this.#pending = { events: new TriggerAccumulator(now), dueAt: now, immediate: false };
    }
    const pending = this.#pending;
    pending.events.add(event, now);
    pending.immediate ||= options.immediate === true;
    pending.dueAt = pending.immediate
      ? now
      : Math.min(now + this.#options.quietMs, pending.events.firstAt + this.#options.maxWaitMs);
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
    this.#running = this.#runOne(pending.events.toTrigger());
  }

  async #runOne(trigger: BuildTrigger): Promise<void> {
    try {
      // Deferred one microtask so `#running` is set before a synchronous throw lands in `finally`.
      await Promise.resolve().then(() => this.#options.build(trigger));
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
