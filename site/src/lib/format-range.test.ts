import { describe, expect, it } from 'vitest';
import { formatNumber, formatRange, formatRangeWithUnit } from './format-range.ts';

describe('formatRange', () => {
  it('joins a min and max with an en dash', () => {
    expect(formatRange(12, 15)).toBe('12\u201315');
  });
  it('shows one number when both ends are equal', () => {
    expect(formatRange(5, 5)).toBe('5');
  });
  it('marks an open-ended range', () => {
    expect(formatRange(12, null)).toBe('12+');
    expect(formatRange(null, 15)).toBe('up to 15');
    expect(formatRange(null, 15, 'es')).toBe('hasta 15');
    expect(formatRange(3.5, null, 'es')).toBe('3.5+');
  });
  it('returns null when nothing is known, so the caller can show a placeholder', () => {
    expect(formatRange(null, null)).toBeNull();
    expect(formatRange(undefined, undefined)).toBeNull();
    expect(formatRange(Number.NaN, null)).toBeNull();
  });
  it('keeps zero as a real value', () => {
    expect(formatRange(0, 2)).toBe('0\u20132');
  });
});

describe('formatNumber', () => {
  it('drops a trailing .0 and rounds to one decimal', () => {
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(3.5)).toBe('3.5');
    expect(formatNumber(2.25)).toBe('2.3');
  });
});

describe('formatRangeWithUnit', () => {
  const weeks = { one: 'week', other: 'weeks' };
  it('uses the plural for ranges and numbers other than one', () => {
    expect(formatRangeWithUnit(12, 16, weeks)).toBe('12\u201316 weeks');
    expect(formatRangeWithUnit(2, 2, weeks)).toBe('2 weeks');
  });
  it('uses the singular for exactly one', () => {
    expect(formatRangeWithUnit(1, 1, weeks)).toBe('1 week');
  });
  it('returns null when unknown', () => {
    expect(formatRangeWithUnit(null, null, weeks)).toBeNull();
  });
});
