import type { ProgramLevel, ScheduleFacts } from '@clinic/shared-types';
import { describeAvailability } from './availability.ts';
import { sortByContinuum } from './continuum.ts';
import { displayName } from './display-name.ts';
import { SCHEDULE_MEASURES, SETTING_LABELS, scheduleRange, type ScheduleMeasure } from './schedule-facts.ts';

/** What the comparison needs of a level: its structured facts, never its prose. */
export type ComparableLevel = Pick<
  ProgramLevel,
  'name' | 'shortName' | 'slug' | 'continuumRank' | 'setting' | 'virtualOption' | 'offeredOnSite'
> & {
  schedule: ScheduleFacts | null;
  alternateSchedules: readonly ScheduleFacts[];
};

export type CompareColumnKey = ScheduleMeasure | 'setting' | 'virtualOption' | 'offeredOnSite';

export interface CompareColumn {
  key: CompareColumnKey;
  /** Header text (`<th scope="col">`). */
  label: string;
}

export interface CompareRow {
  /** Unique and stable: the level's slug, plus the schedule's position for alternates. */
  key: string;
  level: { name: string; shortName: string | null; slug: string };
  /** Row header text (`<th scope="row">`): the level, or the alternate schedule's label. */
  heading: string;
  /** Set on rows for an alternate schedule of the level above, e.g. "Mental health IOP". */
  isAlternate: boolean;
  /** Text per column; null when the CMS does not state it (shown as a dash). */
  cells: Record<CompareColumnKey, string | null>;
}

export interface CompareTable {
  columns: CompareColumn[];
  rows: CompareRow[];
}

const WEEK_LABELS: Record<ScheduleMeasure, string> = {
  hoursPerWeek: 'Hours a week',
  daysPerWeek: 'Days a week',
  hoursPerDay: 'Hours a day',
  durationWeeks: 'Length in weeks',
};

export const COMPARE_COLUMNS: readonly CompareColumn[] = [
  ...SCHEDULE_MEASURES.map(({ key }) => ({ key, label: WEEK_LABELS[key] })),
  { key: 'setting', label: 'Setting' },
  { key: 'virtualOption', label: 'Virtual option' },
  { key: 'offeredOnSite', label: 'At our facility' },
];

function cellsFor(level: ComparableLevel, schedule: ScheduleFacts | null): Record<CompareColumnKey, string | null> {
  return {
    hoursPerWeek: scheduleRange(schedule, 'hoursPerWeek'),
    daysPerWeek: scheduleRange(schedule, 'daysPerWeek'),
    hoursPerDay: scheduleRange(schedule, 'hoursPerDay'),
    durationWeeks: scheduleRange(schedule, 'durationWeeks'),
    setting: SETTING_LABELS[level.setting],
    virtualOption: level.virtualOption ? 'Available' : 'No',
    offeredOnSite: describeAvailability(level).label,
  };
}

/**
 * The levels of care side by side, least intensive first: one row per level from its
 * main schedule, followed by a row per alternate schedule (which shares the level's
 * setting and availability).
 */
export function buildCompareTable(levels: readonly ComparableLevel[]): CompareTable {
  const rows = sortByContinuum(levels).flatMap((level): CompareRow[] => {
    const identity = { name: level.name, shortName: level.shortName, slug: level.slug };
    const main: CompareRow = {
      key: level.slug,
      level: identity,
      heading: displayName(level),
      isAlternate: false,
      cells: cellsFor(level, level.schedule),
    };
    const alternates = level.alternateSchedules.map((schedule, index): CompareRow => ({
      key: `${level.slug}--${index + 1}`,
      level: identity,
      heading: schedule.label ?? `${level.shortName ?? level.name}, other schedule`,
      isAlternate: true,
      cells: cellsFor(level, schedule),
    }));
    return [main, ...alternates];
  });
  return { columns: [...COMPARE_COLUMNS], rows };
}
