import { describe, expect, it } from 'vitest';
import { readAstroTimings } from './read-astro-timings.ts';

const stat = (elapsedTime: number) => ({ elapsedTime, heapUsedChange: 1, heapUsedTotal: 2 });

describe('readAstroTimings', () => {
  it("splits Astro's timer stats into content, bundle and render phases", () => {
    expect(
      readAstroTimings({
        'Sync content layer': stat(41.6),
        'SSR build': stat(500.2),
        'Client build': stat(120),
        'Static generate': stat(98.9),
        'Total build': stat(900),
      }),
    ).toEqual({ contentMs: 42, bundleMs: 620, renderMs: 99 });
  });

  it("adds setup and integrations from the worker's build hook marks", () => {
    expect(
      readAstroTimings(
        { 'Sync content layer': stat(40), 'SSR build': stat(500), 'Static generate': stat(100) },
        { buildStartMs: 340, generatedMs: 900, doneMs: 1020 },
      ),
    ).toEqual({ contentMs: 40, bundleMs: 500, renderMs: 100, setupMs: 300, integrationsMs: 120 });
    expect(readAstroTimings({ 'SSR build': stat(10) }, { buildStartMs: 'soon' })).toEqual({ bundleMs: 10 });
  });

  it('leaves out phases Astro did not time', () => {
    expect(readAstroTimings({ 'SSR build': stat(10), 'Total build': stat(30) })).toEqual({ bundleMs: 10 });
  });

  it('yields no phases from stats it cannot read', () => {
    expect(readAstroTimings(null)).toEqual({});
    expect(readAstroTimings({ 'Sync content layer': { elapsedTime: 'fast' } })).toEqual({});
  });
});
