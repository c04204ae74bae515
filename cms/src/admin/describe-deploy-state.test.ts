import type { BuildFailure, PublisherStatus } from '@clinic/shared-types';
import { describe, expect, it } from 'vitest';
import { describeDeployState, formatAgo } from './describe-deploy-state';

const now = new Date('2026-11-27T12:00:30Z');
const trigger = {
  events: { 'entry.publish': 1 },
  models: ['faq'],
  count: 1,
  firstAt: '2026-11-27T12:00:13Z',
  lastAt: '2026-11-27T12:00:13Z',
};
const live = { id: 'b1', finishedAt: '2026-11-27T12:00:18Z', durationMs: 4000, trigger };
const failure = (at: string, message: string): BuildFailure => ({ at, buildId: 'b2', message, output: [] });

/** A whole `/status` body as the publisher sends it (the admin parses it with the contract's schema). */
function status(fields: Partial<PublisherStatus>): PublisherStatus {
  return { state: 'live', live, building: false, queued: false, current: null, lastError: null, builds: 1, ...fields };
}

describe('describeDeployState', () => {
  it('says the site is live, how long ago it was published and what that update was', () => {
    const state = describeDeployState({ reachable: true, status: status({}) }, now, new Map([['faq', 'FAQ']]));
    expect(state).toEqual({
      tone: 'success',
      headline: 'Live, published 12 s ago',
      detail: 'Last update: FAQ published',
    });
  });

  it('says building while a build runs, even with an older error', () => {
    const state = describeDeployState(
      {
        reachable: true,
        status: status({ state: 'building', building: true, lastError: failure('2026-11-27T11:00:00Z', 'x') }),
      },
      now,
    );
    expect(state.tone).toBe('warning');
    expect(state.headline).toBe('Building…');
  });

  it('shows a failure newer than the live build with its first line, and what visitors still see', () => {
    const state = describeDeployState(
      {
        reachable: true,
        status: status({
          state: 'failed',
          lastError: failure('2026-11-27T12:00:25Z', 'CMS unreachable at http://x\nstack'),
        }),
      },
      now,
    );
    expect(state.tone).toBe('danger');
    expect(state.headline).toBe('Failed: CMS unreachable at http://x');
    expect(state.detail).toContain('12 s ago');
  });

  it("lists a failed build's invalid entries, the first three and how many more, without its stack", () => {
    const entries = ['a', 'b', 'c', 'd', 'e'].map((slug) => `- faqs entry "${slug}": answer: Required`);
    const state = describeDeployState(
      {
        reachable: true,
        status: status({
          state: 'failed',
          lastError: failure(
            '2026-11-27T12:00:25Z',
            [
              'astro build failed: 5 invalid entries in faqs:',
              ...entries,
              '    at load (/site/src/loaders/x.ts:1:1)',
            ].join('\n'),
          ),
        }),
      },
      now,
    );
    expect(state.headline).toBe('Failed: astro build failed: 5 invalid entries in faqs:');
    expect(state.problems).toEqual([
      'faqs entry "a": answer: Required',
      'faqs entry "b": answer: Required',
      'faqs entry "c": answer: Required',
      'and 2 more',
    ]);
  });

  it('lists every invalid entry when there are three or fewer, and none for a one-line error', () => {
    const twoEntries =
      'astro build failed: 2 invalid entries in faqs:\n- faqs entry "a": answer: Required\n- faqs entry "b": topic: Required';
    const state = describeDeployState(
      { reachable: true, status: status({ state: 'failed', lastError: failure('2026-11-27T12:00:25Z', twoEntries) }) },
      now,
    );
    expect(state.problems).toEqual(['faqs entry "a": answer: Required', 'faqs entry "b": topic: Required']);
    const oneLine = describeDeployState(
      { reachable: true, status: status({ state: 'failed', lastError: failure('2026-11-27T12:00:25Z', 'CMS down') }) },
      now,
    );
    expect(oneLine.problems).toBeUndefined();
  });

  it('ignores a failure older than the live build', () => {
    const state = describeDeployState(
      {
        reachable: true,
        status: status({ lastError: failure('2026-11-27T11:00:00Z', 'old') }),
      },
      now,
    );
    expect(state.tone).toBe('success');
  });

  it('says unavailable when the publisher does not answer or answers nonsense', () => {
    const down = describeDeployState({ reachable: false, error: 'ECONNREFUSED' }, now);
    expect(down.tone).toBe('neutral');
    expect(down.detail).toContain('ECONNREFUSED');
    expect(describeDeployState({ reachable: true, status: 'nope' }, now).headline).toBe(
      'Publishing status unavailable',
    );
    expect(describeDeployState(null, now).headline).toBe('Publishing status unavailable');
    // A publisher of another version: its status is not the contract's.
    expect(describeDeployState({ reachable: true, status: { building: false } }, now).detail).toBe(
      'Unexpected answer from the publisher.',
    );
  });
});

describe('formatAgo', () => {
  it('picks the largest whole unit', () => {
    expect(formatAgo(new Date('2026-11-27T11:57:30Z'), now)).toBe('3 min ago');
    expect(formatAgo(new Date('2026-11-27T09:00:00Z'), now)).toBe('3 h ago');
    expect(formatAgo(new Date('2026-11-26T12:00:00Z'), now)).toBe('1 day ago');
  });
});
