import { describe, expect, it } from 'vitest';
import { findDocumentScheduleErrors, findScheduleRangeErrors } from './schedule-ranges';

describe('findScheduleRangeErrors', () => {
  it('accepts equal and ordered ranges, and ranges with a missing end', () => {
    expect(
      findScheduleRangeErrors(
        { hoursPerWeekMin: 12, hoursPerWeekMax: 15, daysPerWeekMin: 5, daysPerWeekMax: 5, hoursPerDayMin: 3 },
        ['schedule'],
      ),
    ).toEqual([]);
  });

  it('names the max field of every inverted range', () => {
    const errors = findScheduleRangeErrors(
      { hoursPerWeekMin: 20, hoursPerWeekMax: 10, durationWeeksMin: '16', durationWeeksMax: '12' },
      ['schedule'],
    );
    expect(errors.map((e) => e.path)).toEqual([
      ['schedule', 'hoursPerWeekMax'],
      ['schedule', 'durationWeeksMax'],
    ]);
    expect(errors[0]!.message).toBe(
      'Hours per week (max) must be at least the minimum, 20. Raise it to 20 or more, or lower Hours per week (min) to 10 or less.',
    );
    expect(errors[1]!.message).toMatch(/^Duration weeks \(max\) must be at least the minimum, 16\./);
  });
});

describe('findDocumentScheduleErrors', () => {
  it('checks single and repeatable schedule attributes with their index in the path', () => {
    const errors = findDocumentScheduleErrors(
      {
        schedule: { daysPerWeekMin: 5, daysPerWeekMax: 3 },
        alternateSchedules: [{}, { hoursPerDayMin: 4, hoursPerDayMax: 1 }],
      },
      { schedule: false, alternateSchedules: true },
    );
    expect(errors.map((e) => e.path)).toEqual([
      ['schedule', 'daysPerWeekMax'],
      ['alternateSchedules', 1, 'hoursPerDayMax'],
    ]);
  });
});
