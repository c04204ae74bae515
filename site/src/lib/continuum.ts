/** What the continuum helpers need of a level. */
export interface RankedLevel {
  slug: string;
  continuumRank: number;
}

/** Levels ordered from least to most intensive; equal ranks keep a stable order by slug. */
export function sortByContinuum<T extends RankedLevel>(levels: readonly T[]): T[] {
  return [...levels].sort((a, b) => a.continuumRank - b.continuumRank || a.slug.localeCompare(b.slug));
}

/**
 * The levels one step down (less intensive) and one step up (more intensive) from
 * `current` on the continuum of care, by `continuumRank`. Levels that share the current
 * rank are neither up nor down.
 */
export function findContinuumNeighbours<T extends RankedLevel>(
  levels: readonly T[],
  current: RankedLevel,
): { stepDown: T | undefined; stepUp: T | undefined } {
  const others = sortByContinuum(levels).filter((level) => level.slug !== current.slug);
  const below = others.filter((level) => level.continuumRank < current.continuumRank);
  const stepUp = others.find((level) => level.continuumRank > current.continuumRank);
  return { stepDown: below.at(-1), stepUp };
}
