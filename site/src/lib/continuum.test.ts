import { describe, expect, it } from 'vitest';
import { findContinuumNeighbours, sortByContinuum } from './continuum.ts';

const levels = [
  { slug: 'php', continuumRank: 3 },
  { slug: 'prevention', continuumRank: 0 },
  { slug: 'iop', continuumRank: 2 },
  { slug: 'outpatient', continuumRank: 1 },
  { slug: 'residential', continuumRank: 4 },
];

describe('sortByContinuum', () => {
  it('orders from least to most intensive without changing the input', () => {
    const copy = [...levels];
    expect(sortByContinuum(levels).map((l) => l.slug)).toEqual([
      'prevention',
      'outpatient',
      'iop',
      'php',
      'residential',
    ]);
    expect(levels).toEqual(copy);
  });
});

describe('findContinuumNeighbours', () => {
  it('finds the level one step down and one step up', () => {
    const { stepDown, stepUp } = findContinuumNeighbours(levels, { slug: 'iop', continuumRank: 2 });
    expect(stepDown?.slug).toBe('outpatient');
    expect(stepUp?.slug).toBe('php');
  });
  it('has no step down at the bottom and no step up at the top', () => {
    expect(findContinuumNeighbours(levels, { slug: 'prevention', continuumRank: 0 }).stepDown).toBeUndefined();
    expect(findContinuumNeighbours(levels, { slug: 'residential', continuumRank: 4 }).stepUp).toBeUndefined();
  });
  it('skips gaps in the ranks', () => {
    const sparse = [
      { slug: 'a', continuumRank: 0 },
      { slug: 'b', continuumRank: 5 },
      { slug: 'c', continuumRank: 9 },
    ];
    const { stepDown, stepUp } = findContinuumNeighbours(sparse, { slug: 'b', continuumRank: 5 });
    expect([stepDown?.slug, stepUp?.slug]).toEqual(['a', 'c']);
  });
  it('treats a level with the same rank as neither up nor down', () => {
    const tied = [...levels, { slug: 'iop-virtual', continuumRank: 2 }];
    const { stepDown, stepUp } = findContinuumNeighbours(tied, { slug: 'iop', continuumRank: 2 });
    expect([stepDown?.slug, stepUp?.slug]).toEqual(['outpatient', 'php']);
  });
});
