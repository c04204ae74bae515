import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearBuildMemo, memoizeForBuild } from './build-memo.ts';

beforeEach(() => clearBuildMemo());

describe('memoizeForBuild', () => {
  it('computes once per key until the memo is cleared (a new build)', async () => {
    const compute = vi.fn(() => Promise.resolve(Math.random()));
    const first = await memoizeForBuild('map', compute, true);
    expect(await memoizeForBuild('map', compute, true)).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);

    clearBuildMemo();
    await memoizeForBuild('map', compute, true);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing in dev, where content changes on every save', async () => {
    const compute = vi.fn(() => Promise.resolve(1));
    await memoizeForBuild('map', compute, false);
    await memoizeForBuild('map', compute, false);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failure', async () => {
    const compute = vi.fn<() => Promise<number>>().mockRejectedValueOnce(new Error('not yet')).mockResolvedValueOnce(2);
    await expect(memoizeForBuild('map', compute, true)).rejects.toThrow('not yet');
    await Promise.resolve();
    expect(await memoizeForBuild('map', compute, true)).toBe(2);
  });

  it('is shared through globalThis, so separately bundled copies of this module see the same memo', async () => {
    await memoizeForBuild('map', () => Promise.resolve('shared'), true);
    vi.resetModules();
    const copy = await import('./build-memo.ts');
    expect(await copy.memoizeForBuild('map', () => Promise.resolve('other'), true)).toBe('shared');
    copy.clearBuildMemo();
    expect(await memoizeForBuild('map', () => Promise.resolve('fresh'), true)).toBe('fresh');
  });
});
