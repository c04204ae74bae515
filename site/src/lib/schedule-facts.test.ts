import { describe, expect, it } from 'vitest';
import { describeSchedule, scheduleRange, summarizeSchedule } from './schedule-facts.ts';

const none = {
  hoursPerWeekMin: null,
  hoursPerWeekMax: null,
  daysPerWeekMin: null,
  daysPerWeekMax: null,
  hoursPerDayMin: null,
  hoursPerDayMax: null,
  durationWeeksMin: null,
  durationWeeksMax: null,
};

describe('describeSchedule', () => {
  it('lists the stated facts with units, in display order', () => {
    expect(
      describeSchedule({
        ...none,
        hoursPerWeekMin: 12,
        hoursPerWeekMax: 15,
        durationWeeksMin: 12,
        durationWeeksMax: 16,
      }),
    ).toEqual([
      { key: 'hoursPerWeek', label: 'Hours a week', value: '12\u201315 hours' },
      { key: 'durationWeeks', label: 'Length', value: '12\u201316 weeks' },
    ]);
  });
  it('uses the singular for a single unit', () => {
    expect(describeSchedule({ ...none, durationWeeksMin: 1, durationWeeksMax: 1 })[0]?.value).toBe('1 week');
  });
  it('is empty without a schedule', () => {
    expect(describeSchedule(null)).toEqual([]);
    expect(describeSchedule(none)).toEqual([]);
  });
});

describe('scheduleRange', () => {
  it('returns a bare range or null', () => {
    expect(scheduleRange({ ...none, daysPerWeekMin: 3, daysPerWeekMax: 5 }, 'daysPerWeek')).toBe('3\u20135');
    expect(scheduleRange({ ...none }, 'daysPerWeek')).toBeNull();
    expect(scheduleRange(null, 'hoursPerDay')).toBeNull();
  });
});

describe('summarizeSchedule', () => {
  it('puts the stated facts in one line with their periods', () => {
    expect(
      summarizeSchedule({
        ...none,
        hoursPerWeekMin: 12,
        hoursPerWeekMax: 15,
        hoursPerDayMin: 3,
        hoursPerDayMax: 4,
        durationWeeksMin: 12,
        durationWeeksMax: 16,
      }),
    ).toBe('12\u201315 hours a week, 3\u20134 hours a day, 12\u201316 weeks');
    expect(summarizeSchedule({ ...none, daysPerWeekMin: 5, daysPerWeekMax: 5 })).toBe('5 days a week');
  });
  it('says it in Spanish', () => {
    expect(
      summarizeSchedule(
        {
          ...none,
          hoursPerWeekMin: 12,
          hoursPerWeekMax: 15,
          hoursPerDayMax: 4,
          durationWeeksMin: 1,
          durationWeeksMax: 1,
        },
        'es',
      ),
    ).toBe('12\u201315 horas a la semana, hasta 4 horas al día, 1 semana');
    expect(describeSchedule({ ...none, daysPerWeekMin: 3 }, 'es')).toEqual([
      { key: 'daysPerWeek', label: 'Días a la semana', value: '3+ días' },
    ]);
  });
  it('is null when nothing is stated', () => {
    expect(summarizeSchedule(none)).toBeNull();
    expect(summarizeSchedule(null)).toBeNull();
  });
});
