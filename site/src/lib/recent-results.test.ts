import { describe, expect, it } from 'vitest';
import { RecentResults } from './recent-results.ts';

describe('RecentResults', () => {
  it('returns what was set for a key, and undefined for a key never set', () => {
    const results = new RecentResults<string>(3);
    results.set('a', 'A');
    expect(results.get('a')).toBe('A');
    expect(results.get('b')).toBeUndefined();
  });

  it('holds at most max results, dropping the least recently used', () => {
    const results = new RecentResults<number>(2);
    results.set('a', 1);
    results.set('b', 2);
    results.get('a'); // a is now more recent than b
    results.set('c', 3);
    expect(results.size).toBe(2);
    expect(results.get('b')).toBeUndefined();
    expect(results.get('a')).toBe(1);
    expect(results.get('c')).toBe(3);
  });

  it('replaces the result of a key set again without growing', () => {
    const results = new RecentResults<number>(2);
    results.set('a', 1);
    results.set('a', 2);
    expect(results.size).toBe(1);
    expect(results.get('a')).toBe(2);
  });

  it('refuses a bound that holds nothing', () => {
    expect(() => new RecentResults(0)).toThrow(/positive integer/);
  });
});
