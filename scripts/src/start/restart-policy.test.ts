import { describe, expect, it } from 'vitest';
import { countFailures, describeExit, restartDelayMs } from './restart-policy.ts';

describe('restartDelayMs', () => {
  it('waits 1 s, 2 s, 4 s ... and never more than 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 100, 5000].map((n) => restartDelayMs(n))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('follows the schedule it is given', () => {
    expect([1, 2, 3, 4].map((n) => restartDelayMs(n, { baseMs: 50, maxMs: 150 }))).toEqual([50, 100, 150, 150]);
  });
});

describe('countFailures', () => {
  it('counts crashes in a row', () => {
    expect(countFailures(0, 10)).toBe(1);
    expect(countFailures(3, 59_999)).toBe(4);
  });

  it('starts over once the child had been up long enough to count as healthy', () => {
    expect(countFailures(6, 60_000)).toBe(1);
    expect(countFailures(6, 500, { stableMs: 400 })).toBe(1);
  });
});

describe('describeExit', () => {
  it('names the signal that killed a child', () => {
    expect(describeExit(null, 'SIGKILL')).toBe('killed by SIGKILL');
  });

  it('names the signal a wrapper relayed as 128 + its number', () => {
    expect(describeExit(137, null)).toBe('exited with code 137 (killed by SIGKILL)');
    expect(describeExit(143, null)).toBe('exited with code 143 (killed by SIGTERM)');
  });

  it('gives the code of a child that exited on its own', () => {
    expect(describeExit(1, null)).toBe('exited with code 1');
    expect(describeExit(0, null)).toBe('exited with code 0');
    expect(describeExit(255, null)).toBe('exited with code 255');
  });
});
