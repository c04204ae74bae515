import { dictionaryOf } from '../i18n/index.ts';
import { intlLocaleOf, type Lang } from '../i18n/lang.ts';

/** An en dash between the ends of a range, as in "12–15". */
const RANGE_DASH = '\u2013';

/** Up to one decimal, no trailing ".0", no grouping: 12 -> "12", 3.5 -> "3.5" (in both languages). */
export function formatNumber(value: number, lang: Lang = 'en'): string {
  return new Intl.NumberFormat(intlLocaleOf[lang], { maximumFractionDigits: 1, useGrouping: false }).format(value);
}

/**
 * A min/max pair as text: "12–15", "5" when both ends agree, "12+" with only a minimum,
 * "up to 15" with only a maximum, and null when neither is known (the caller decides how
 * to show an unknown value, e.g. "—" in a table).
 */
export function formatRange(
  min: number | null | undefined,
  max: number | null | undefined,
  lang: Lang = 'en',
): string | null {
  const hasMin = typeof min === 'number' && Number.isFinite(min);
  const hasMax = typeof max === 'number' && Number.isFinite(max);
  if (hasMin && hasMax) {
    return min === max ? formatNumber(min, lang) : `${formatNumber(min, lang)}${RANGE_DASH}${formatNumber(max, lang)}`;
  }
  if (hasMin) return `${formatNumber(min, lang)}+`;
  if (hasMax) return dictionaryOf(lang).schedule.upTo(formatNumber(max, lang));
  return null;
}

/**
 * A range with its unit, singular when the range is exactly one: "12–15 hours",
 * "1 week", "up to 4 hours"; null when unknown.
 */
export function formatRangeWithUnit(
  min: number | null | undefined,
  max: number | null | undefined,
  unit: { one: string; other: string },
  lang: Lang = 'en',
): string | null {
  const range = formatRange(min, max, lang);
  if (range === null) return null;
  return `${range} ${range === '1' ? unit.one : unit.other}`;
}
