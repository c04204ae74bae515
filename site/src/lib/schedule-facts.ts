import type { ProgramLevel, ScheduleFacts } from '@clinic/shared-types';
import { dictionaryOf } from '../i18n/index.ts';
import type { Lang } from '../i18n/lang.ts';
import { formatRange, formatRangeWithUnit } from './format-range.ts';

export type Setting = ProgramLevel['setting'];

/** How a setting reads to a visitor: "Outpatient clinic". */
export function settingLabel(setting: Setting, lang: Lang = 'en'): string {
  return dictionaryOf(lang).schedule.settings[setting];
}

/** The numeric facts a schedule can state, in display order (their words are the dictionary's). */
export const SCHEDULE_MEASURES = ['hoursPerWeek', 'daysPerWeek', 'hoursPerDay', 'durationWeeks'] as const;

export type ScheduleMeasure = (typeof SCHEDULE_MEASURES)[number];

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
export function scheduleRange(
  schedule: ScheduleNumbers | null | undefined,
  key: ScheduleMeasure,
  lang: Lang = 'en',
): string | null {
  if (!schedule) return null;
  const [min, max] = bounds(schedule, key);
  return formatRange(min, max, lang);
}

export interface ScheduleFact {
  key: ScheduleMeasure;
  label: string;
  /** With its unit, e.g. "12–15 hours". */
  value: string;
}

/** The facts a schedule states, with units, for a level's page; unknown measures are left out. */
export function describeSchedule(schedule: ScheduleNumbers | null | undefined, lang: Lang = 'en'): ScheduleFact[] {
  if (!schedule) return [];
  const measures = dictionaryOf(lang).schedule.measures;
  return SCHEDULE_MEASURES.flatMap((key) => {
    const [min, max] = bounds(schedule, key);
    const value = formatRangeWithUnit(min, max, measures[key].unit, lang);
    return value === null ? [] : [{ key, label: measures[key].label, value }];
  });
}

/**
 * A schedule in one line for cards: "12–15 hours a week, 3–5 days a week, 12–16 weeks".
 * Null when the schedule states nothing.
 */
export function summarizeSchedule(schedule: ScheduleNumbers | null | undefined, lang: Lang = 'en'): string | null {
  const measures = dictionaryOf(lang).schedule.measures;
  const parts = describeSchedule(schedule, lang).map((fact) => `${fact.value}${measures[fact.key].per}`);
  return parts.length > 0 ? parts.join(', ') : null;
}
