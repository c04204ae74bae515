import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BuildScheduler } from './build-scheduler.ts';
import type { BuildTrigger } from '@clinic/shared-types';

interface Harness {
  scheduler: BuildScheduler;
  triggers: BuildTrigger[];
  /** The documents each build was given to fetch, in build order. */
  changes: Array<Record<string, string[]> | null>;
  /** Finishes the oldest running build. */
  finishBuild: (error?: Error) => Promise<void>;
  maxConcurrent: () => number;
  errors: unknown[];
}

function createHarness(
  options: { quietMs?: number; maxWaitMs?: number; settleMs?: number; buildMs?: number } = {},
): Harness {
  const triggers: BuildTrigger[] = [];
  const changes: Array<Record<string, string[]> | null> = [];
  const finishers: Array<(error?: Error) => void> = [];
  const errors: unknown[] = [];
  let running = 0;
  let maxConcurrent = 0;
  const scheduler = new BuildScheduler({
    quietMs: options.quietMs ?? 1000,
    maxWaitMs: options.maxWaitMs ?? 10_000,
    ...(options.settleMs !== undefined ? { settleMs: options.settleMs } : {}),
    onBuildError: (error) => errors.push(error),
    build: (trigger, changed) => {
      triggers.push(trigger);
      changes.push(changed);
      running += 1;
      maxConcurrent = Math.max(maxConcurrent, running);
      return new Promise<void>((resolve, reject) => {
        const finish = (error?: Error) => {
          running -= 1;
          if (error) reject(error);
          else resolve();
        };
        // With buildMs, every build takes that long; otherwise the test finishes each one.
        if (options.buildMs !== undefined) setTimeout(finish, options.buildMs);
        else finishers.push(finish);
      });
    },
  });
  return {
    scheduler,
    triggers,
    changes,
    errors,
    maxConcurrent: () => maxConcurrent,
    finishBuild: async (error) => {
      finishers.shift()?.(error);
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

const publish = { event: 'entry.publish', model: 'faq' };

describe('BuildScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('builds a lone publish at once when nothing runs or waits', async () => {
    const { scheduler, triggers } = createHarness();
    scheduler.add(publish);
    await vi.advanceTimersByTimeAsync(0);
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ count: 1, events: { 'entry.publish': 1 }, models: ['faq'] });
    expect(scheduler.building).toBe(true);
    expect(scheduler.queued).toBe(false);
  });

  it('gathers the webhooks of one editor action within the settle window into one build', async () => {
    const harness = createHarness({ settleMs: 100 });
    harness.scheduler.add({ event: 'entry.delete', model: 'faq' });
    await vi.advanceTimersByTimeAsync(40);
    // Strapi's second webhook for the same delete, a few milliseconds later.
    harness.scheduler.add({ event: 'entry.delete', model: 'faq' });
    await vi.advanceTimersByTimeAsync(59);
    expect(harness.triggers).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(harness.triggers).toHaveLength(1);
    expect(harness.triggers[0]?.events).toEqual({ 'entry.delete': 2 });
    await harness.finishBuild();
    expect(harness.triggers).toHaveLength(1);
  });

  it('merges events of one tick into the build they start', async () => {
    const { scheduler, triggers } = createHarness();
    scheduler.add(publish);
    scheduler.add({ event: 'entry.unpublish', model: 'condition' });
    await vi.advanceTimersByTimeAsync(0);
    expect(triggers).toEqual([expect.objectContaining({ count: 2, models: ['condition', 'faq'] })]);
  });

  it('merges the rest of a burst into one follow-up build after the quiet window', async () => {
    const harness = createHarness();
    const { scheduler, triggers } = harness;
    for (let i = 0; i < 10; i++) {
      scheduler.add(publish);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(triggers).toHaveLength(1);
    await harness.finishBuild();
    // Last event at 900 ms; the quiet window ends at 1900 ms.
    await vi.advanceTimersByTimeAsync(899);
    expect(triggers).toHaveLength(1);
    expect(scheduler.queued).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(triggers).toHaveLength(2);
    expect(triggers[1]).toMatchObject({ count: 9, events: { 'entry.publish': 9 } });
  });

  it('builds 50 publishes spread over 5 s in at most 3 builds and loses none, however long a build takes', async () => {
    for (const buildMs of [300, 1000, 2500, 6000]) {
      const { scheduler, triggers } = createHarness({ buildMs });
      for (let i = 0; i < 50; i++) {
        scheduler.add(publish);
        await vi.advanceTimersByTimeAsync(100);
      }
      await vi.advanceTimersByTimeAsync(60_000);
      expect(scheduler.building || scheduler.queued).toBe(false);
      expect(triggers.length, `builds of ${buildMs} ms`).toBeLessThanOrEqual(3);
      expect(triggers.reduce((sum, trigger) => sum + trigger.count, 0)).toBe(50);
    }
  });

  it('builds waiting events at the latest maxWait after the first of them, in a never-quiet burst', async () => {
    const harness = createHarness({ quietMs: 1000, maxWaitMs: 10_000 });
    const { scheduler, triggers } = harness;
    scheduler.add(publish);
    await vi.advanceTimersByTimeAsync(0);
    await harness.finishBuild();
    const firstWaiting = Date.now() + 500;
    for (let elapsed = 0; elapsed < 12_000; elapsed += 500) {
      await vi.advanceTimersByTimeAsync(500);
      scheduler.add(publish);
    }
    expect(triggers).toHaveLength(2);
    expect(Date.parse(triggers[1]?.firstAt ?? '')).toBe(firstWaiting);
    expect(Date.parse(triggers[1]?.lastAt ?? '')).toBeLessThanOrEqual(firstWaiting + 10_000);
  });

  it('turns any number of events during a build into exactly one follow-up build', async () => {
    const harness = createHarness();
    const { scheduler, triggers } = harness;
    scheduler.add(publish);
    await vi.advanceTimersByTimeAsync(0);
    expect(triggers).toHaveLength(1);

    for (let i = 0; i < 5; i++) {
      scheduler.add({ event: 'entry.unpublish', model: 'condition' });
      await vi.advanceTimersByTimeAsync(3000);
    }
    // The first build is still running: nothing else may start.
    expect(triggers).toHaveLength(1);
    expect(scheduler.queued).toBe(true);

    await harness.finishBuild();
    expect(triggers).toHaveLength(2);
    expect(triggers[1]).toMatchObject({ count: 5, events: { 'entry.unpublish': 5 } });

    await harness.finishBuild();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(triggers).toHaveLength(2);
    expect(harness.maxConcurrent()).toBe(1);
  });

  it('waits out the quiet window after a build when the follow-up events are recent', async () => {
    const harness = createHarness();
    harness.scheduler.add(publish);
    await vi.advanceTimersByTimeAsync(0);
    harness.scheduler.add(publish);
    await vi.advanceTimersByTimeAsync(200);
    await harness.finishBuild();
    expect(harness.triggers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(799);
    expect(harness.triggers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(harness.triggers).toHaveLength(2);
  });

  it('starts an immediate request as soon as the running build ends, without waiting for quiet', async () => {
    const harness = createHarness();
    harness.scheduler.add(publish);
    await vi.advanceTimersByTimeAsync(0);
    harness.scheduler.add(publish);
    harness.scheduler.add({ event: 'publisher.manual' }, { immediate: true });
    await harness.finishBuild();
    expect(harness.triggers).toHaveLength(2);
    expect(harness.triggers[1]).toMatchObject({ count: 2 });
  });

  it('gives each build the documents its merged events changed, and everything once one names none', async () => {
    const harness = createHarness();
    const { scheduler, changes } = harness;
    scheduler.add({ event: 'entry.publish', model: 'faq', documentId: 'a' });
    await vi.advanceTimersByTimeAsync(0);
    // A burst during the build: one follow-up build with every document of it.
    scheduler.add({ event: 'entry.publish', model: 'faq', documentId: 'b' });
    scheduler.add({ event: 'entry.unpublish', model: 'condition', documentId: 'c' });
    scheduler.add({ event: 'entry.publish', model: 'faq', documentId: 'a' });
    await harness.finishBuild();
    await vi.advanceTimersByTimeAsync(1000);
    expect(changes).toEqual([{ faq: ['a'] }, { faq: ['a', 'b'], condition: ['c'] }]);
    // The next burst starts afresh: what the last build fetched is not fetched again.
    await harness.finishBuild();
    scheduler.add({ event: 'entry.publish', model: 'faq', documentId: 'd' });
    await vi.advanceTimersByTimeAsync(0);
    scheduler.add({ event: 'entry.publish', model: 'faq', documentId: 'e' });
    scheduler.add({ event: 'media.update' });
    await harness.finishBuild();
    await vi.advanceTimersByTimeAsync(1000);
    expect(changes.slice(2)).toEqual([{ faq: ['d'] }, null]);
  });

  it('keeps scheduling after a build fails', async () => {
    const harness = createHarness();
    harness.scheduler.add(publish);
    await vi.advanceTimersByTimeAsync(1000);
    await harness.finishBuild(new Error('cms down'));
    expect(harness.errors).toHaveLength(1);
    expect(harness.scheduler.building).toBe(false);

    harness.scheduler.add(publish);
    await vi.advanceTimersByTimeAsync(1000);
    expect(harness.triggers).toHaveLength(2);
  });

  it('reports idle only once nothing runs or waits', async () => {
    const harness = createHarness();
    let idle = false;
    harness.scheduler.add(publish);
    void harness.scheduler.whenIdle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(idle).toBe(false);
    await harness.finishBuild();
    expect(idle).toBe(true);
  });

  it('drops waiting events on close and waits for the running build', async () => {
    const harness = createHarness();
    harness.scheduler.add(publish);
    await vi.advanceTimersByTimeAsync(1000);
    harness.scheduler.add(publish);
    let closed = false;
    void harness.scheduler.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(closed).toBe(false);
    await harness.finishBuild();
    expect(closed).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(harness.triggers).toHaveLength(1);
  });
});
