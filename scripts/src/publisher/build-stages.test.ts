import { describe, expect, it } from 'vitest';
import { composeStages, describeStages } from './build-stages.ts';

const marks = {
  firstEventAt: 1000,
  startedAt: 1004,
  builtAt: 1904,
  checkedAt: 1905,
  precompressedAt: 1935,
  liveAt: 1938,
};

describe('composeStages', () => {
  it("splits a build's time into waiting, the build step's phases, check, precompression and switch", () => {
    expect(composeStages(marks, { contentMs: 40, bundleMs: 600, renderMs: 100 })).toEqual({
      waitingMs: 4,
      buildMs: 900,
      contentMs: 40,
      bundleMs: 600,
      renderMs: 100,
      setupMs: null,
      integrationsMs: null,
      otherMs: 160,
      checkMs: 1,
      searchIndexMs: null,
      precompressMs: 30,
      switchMs: 3,
    });
  });

  it('leaves the phases null when the build step reports none', () => {
    expect(composeStages(marks, undefined)).toMatchObject({ buildMs: 900, contentMs: null, otherMs: null });
  });

  it('times the search index apart from the check and precompression', () => {
    expect(composeStages({ ...marks, indexedAt: 1925 }, {})).toMatchObject({
      checkMs: 1,
      searchIndexMs: 20,
      precompressMs: 10,
    });
    expect(describeStages(composeStages({ ...marks, indexedAt: 1925 }, undefined))).toContain(
      'check 1 ms, search index 20 ms, precompress 10 ms',
    );
  });

  it('never reports a negative wait for an event stamped after the build started', () => {
    expect(composeStages({ ...marks, firstEventAt: 2000 }, {}).waitingMs).toBe(0);
  });
});

describe('describeStages', () => {
  it('names every stage with its time, in order', () => {
    expect(describeStages(composeStages(marks, { contentMs: 40, bundleMs: 600, renderMs: 100 }))).toBe(
      'waiting 4 ms, content 40 ms, bundle 600 ms, render 100 ms, other 160 ms, check 1 ms, precompress 30 ms, switch 3 ms',
    );
  });

  it('shows the whole build step when it reported no phases', () => {
    expect(describeStages(composeStages(marks, undefined))).toBe(
      'waiting 4 ms, build 900 ms, check 1 ms, precompress 30 ms, switch 3 ms',
    );
  });
});
