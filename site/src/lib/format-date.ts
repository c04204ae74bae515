import { intlLocaleOf, type Lang } from '../i18n/lang.ts';

/**
 * "2026-03-05" or an ISO timestamp as "March 5, 2026" ("5 de marzo de 2026" in Spanish). Dates
 * are read in UTC so a build machine's time zone never shifts a review date by a day.
 */
export function formatDisplayDate(date: string, lang: Lang = 'en'): string {
  const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(intlLocaleOf[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}

/** The most recent of some ISO timestamps, or undefined when none is valid. */
export function latestTimestamp(dates: readonly (string | null | undefined)[]): string | undefined {
  let latest: { time: number; value: string } | undefined;
  for (const value of dates) {
    if (!value) continue;
    const time = Date.parse(value);
    if (Number.isNaN(time)) continue;
    if (!latest || time > latest.time) latest = { time, value: new Date(time).toISOString() };
  }
  return latest?.value;
}
