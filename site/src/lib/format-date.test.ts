import { describe, expect, it } from 'vitest';
import { formatDisplayDate, latestTimestamp } from './format-date.ts';

describe('formatDisplayDate', () => {
  it('formats a calendar date in words without shifting the day', () => {
    expect(formatDisplayDate('2026-03-05')).toBe('March 5, 2026');
    expect(formatDisplayDate('2026-01-01')).toBe('January 1, 2026');
  });
  it('accepts a timestamp', () => {
    expect(formatDisplayDate('2026-11-27T21:18:20.827Z')).toBe('November 27, 2026');
  });
  it('formats a date in Spanish', () => {
    expect(formatDisplayDate('2026-03-05', 'es')).toBe('5 de marzo de 2026');
  });
  it('returns unparseable input unchanged', () => {
    expect(formatDisplayDate('soon')).toBe('soon');
  });
});

describe('latestTimestamp', () => {
  it('picks the most recent valid timestamp', () => {
    expect(
      latestTimestamp(['2026-01-01T00:00:00Z', null, '2026-03-01T10:00:00.000Z', 'x', '2025-12-31T00:00:00Z']),
    ).toBe('2026-03-01T10:00:00.000Z');
  });
  it('is undefined when nothing is valid', () => {
    expect(latestTimestamp([])).toBeUndefined();
    expect(latestTimestamp([undefined, ''])).toBeUndefined();
  });
});
