import type { ProgramLevel, ScheduleFacts } from '@clinic/shared-types';
import { formatRange, formatRangeWithUnit } from './format-range.ts';

export type Setting = ProgramLevel['setting'];

/** How each setting reads to a visitor. */
export const SETTING_LABELS: Record<Setting, string> = {
  community: 'Community',
  outpatient: 'Outpatient clinic',
  'day-program': 'Day program',
  residential: 'Residential',
  'inpatient-medical': 'Inpatient, medically supervised',
};

/** The numeric facts a schedule can state, in display order. */
export const SCHEDULE_MEASURES = [
  { key: 'hoursPerWeek', label: 'Hours a week', unit: { one: 'hour', other: 'hours' } },
  { key: 'daysPerWeek', label: 'Days a week', unit: { one: 'day', other: 'days' } },
  { key: 'hoursPerDay', label: 'Hours a day', unit: { one: 'hour', other: 'hours' } },
  { key: 'durationWeeks', label: 'Length', unit: { one: 'week', other: 'weeks' } },
] as const;

export type ScheduleMeasure = (typeof SCHEDULE_MEASURES)[number]['key'];

type ScheduleNumbers = Omit<ScheduleFacts, 'id' | 'label'>;

function bounds(schedule: ScheduleNumbers, key: ScheduleMeasure): [number | null, number | null] {
  switch (key) {
    case 'hoursPerWeek':
      return [schedule.hoursPerWeekMin, schedule.hoursPerWeekMax];
    case 'daysPerWeek':
      return [schedule.daysPerWeekMin, schedule.daysPerWeekMax];
    case 'hoursPerDay':
      return [schedule.hoursPerDayMin, schedule.hoursPerDayMax];
    case 'durationWeeks':
      return [schedule.durationWeeksMin, schedule.durationWeeksMax];
  }
}

/** A measure as a bare range ("12–15"), or null when the schedule does not state it. */
export function scheduleRange(schedule: ScheduleNumbers | null | undefined, key: ScheduleMeasure): string | null {
  if (!schedule) return null;
  const [min, max] = bounds(schedule, key);
  return formatRange(min, max);
}

export interface ScheduleFact {
  key: ScheduleMeasure;
  label: string;
  /** With its unit, e.g. "12–15 hours". */
  value: string;
}

/** The facts a schedule states, with units, for a level's page; unknown measures are left out. */
export function describeSchedule(schedule: ScheduleNumbers | null | undefined): ScheduleFact[] {
  if (!schedule) return [];
  return SCHEDULE_MEASURES.flatMap(({ key, label, unit }) => {
    const [min, max] = bounds(schedule, key);
    const value = formatRangeWithUnit(min, max, unit);
    return value === null ? [] : [{ key, label, value }];
  });
}

const PER: Record<ScheduleMeasure, string> = {
  hoursPerWeek: ' a week',
  daysPerWeek: ' a week',
  hoursPerDay: ' a day',
  durationWeeks: '',
};

/**
 * A schedule in one line for cards: "12–15 hours a week, 3–5 days a week, 12–16 weeks".
 * Null when the schedule states nothing.
 */
export function summarizeSchedule(schedule: ScheduleNumbers | null | undefined): string | null {
  const parts = describeSchedule(schedule).map((fact) => `${fact.value}${PER[fact.key]}`);
  return parts.length > 0 ? parts.join(', ') : null;
}
