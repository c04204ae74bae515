import type { ProgramLevel, ScheduleFacts } from '@clinic/shared-types';
import { dictionaryOf } from '../i18n/index.ts';
import type { Lang } from '../i18n/lang.ts';
import { describeAvailability } from './availability.ts';
import { sortByContinuum } from './continuum.ts';
import { displayName } from './display-name.ts';
import { SCHEDULE_MEASURES, scheduleRange, settingLabel, type ScheduleMeasure } from './schedule-facts.ts';

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

/** The table's columns, in order, with their headers in `lang`. */
export function compareColumns(lang: Lang = 'en'): CompareColumn[] {
  const t = dictionaryOf(lang);
  return [
    ...SCHEDULE_MEASURES.map((key) => ({ key, label: t.schedule.measures[key].column })),
    { key: 'setting', label: t.compare.settingColumn },
    { key: 'virtualOption', label: t.compare.virtualColumn },
    { key: 'offeredOnSite', label: t.compare.onSiteColumn },
  ];
}

function cellsFor(
  level: ComparableLevel,
  schedule: ScheduleFacts | null,
  lang: Lang,
): Record<CompareColumnKey, string | null> {
  const range = (key: ScheduleMeasure) => scheduleRange(schedule, key, lang);
  const t = dictionaryOf(lang).compare;
  return {
    hoursPerWeek: range('hoursPerWeek'),
    daysPerWeek: range('daysPerWeek'),
    hoursPerDay: range('hoursPerDay'),
    durationWeeks: range('durationWeeks'),
    setting: settingLabel(level.setting, lang),
    virtualOption: level.virtualOption ? t.virtualYes : t.virtualNo,
    offeredOnSite: describeAvailability(level, lang).label,
  };
}

/**
 * The levels of care side by side, least intensive first: one row per level from its
 * main schedule, followed by a row per alternate schedule (which shares the level's
 * setting and availability).
 */
export function buildCompareTable(levels: readonly ComparableLevel[], lang: Lang = 'en'): CompareTable {
  const rows = sortByContinuum(levels).flatMap((level): CompareRow[] => {
    const identity = { name: level.name, shortName: level.shortName, slug: level.slug };
    const main: CompareRow = {
      key: level.slug,
      level: identity,
      heading: displayName(level),
      isAlternate: false,
      cells: cellsFor(level, level.schedule, lang),
    };
    const alternates = level.alternateSchedules.map((schedule, index): CompareRow => ({
      key: `${level.slug}--${index + 1}`,
      level: identity,
      heading: schedule.label ?? dictionaryOf(lang).compare.otherSchedule(level.shortName ?? level.name),
      isAlternate: true,
      cells: cellsFor(level, schedule, lang),
    }));
    return [main, ...alternates];
  });
  return { columns: compareColumns(lang), rows };
}
