/** An en dash between the ends of a range, as in "12–15". */
const RANGE_DASH = '\u2013';

/** Up to one decimal, no trailing ".0": 12 -> "12", 3.5 -> "3.5". */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10);
}

/**
 * A min/max pair as text: "12–15", "5" when both ends agree, "12+" with only a minimum,
 * "up to 15" with only a maximum, and null when neither is known (the caller decides how
 * to show an unknown value, e.g. "—" in a table).
 */
export function formatRange(min: number | null | undefined, max: number | null | undefined): string | null {
  const hasMin = typeof min === 'number' && Number.isFinite(min);
  const hasMax = typeof max === 'number' && Number.isFinite(max);
  if (hasMin && hasMax) {
    return min === max ? formatNumber(min) : `${formatNumber(min)}${RANGE_DASH}${formatNumber(max)}`;
  }
  if (hasMin) return `${formatNumber(min)}+`;
  if (hasMax) return `up to ${formatNumber(max)}`;
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
): string | null {
  const range = formatRange(min, max);
  if (range === null) return null;
  return `${range} ${range === '1' ? unit.one : unit.other}`;
}
