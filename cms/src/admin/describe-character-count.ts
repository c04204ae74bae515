/** A text field's length limits, as its schema attribute states them (`minLength` / `maxLength`). */
export interface TextLimits {
  min?: number;
  max?: number;
}

/** The count shown next to a limited text field, and what a screen reader reads for it. */
export interface CharacterCount {
  /** `172 / 160`, or `12 (min. 40)` for a field with a minimum only. */
  shown: string;
  spoken: string;
  /** `short` below the minimum (only once something is typed), `over` above the maximum. */
  state: 'short' | 'within' | 'over';
}

const isLimit = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/**
 * The limits of a text attribute of the admin's schema, or null when it has none: the same
 * numbers the admin's and the server's validation use, so there is no second copy to drift.
 */
export function textLimitsOf(attribute: unknown): TextLimits | null {
  if (typeof attribute !== 'object' || attribute === null) return null;
  const { minLength, maxLength } = attribute as { minLength?: unknown; maxLength?: unknown };
  const limits: TextLimits = {};
  if (isLimit(minLength)) limits.min = minLength;
  if (isLimit(maxLength)) limits.max = maxLength;
  return limits.min === undefined && limits.max === undefined ? null : limits;
}

/**
 * The length of a field's value as Strapi's validation measures it (yup's `string.length`,
 * UTF-16 units, on the admin and the server alike), so the count and the error agree.
 */
export function countCharacters(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

const characters = (n: number) => (n === 1 ? '1 character' : `${n} characters`);

export function describeCharacterCount(value: unknown, limits: TextLimits): CharacterCount {
  const length = countCharacters(value);
  const { min, max } = limits;
  const state =
    max !== undefined && length > max ? 'over' : min !== undefined && length > 0 && length < min ? 'short' : 'within';
  const shown = max !== undefined ? `${length} / ${max}` : `${length} (min. ${min})`;
  let spoken: string;
  if (state === 'over') spoken = `${characters(length)}, ${length - max!} over the limit of ${max}.`;
  else if (state === 'short') spoken = `${characters(length)}, ${min! - length} short of the minimum of ${min}.`;
  else if (max !== undefined) spoken = `${characters(length)} of ${max} allowed.`;
  else spoken = `${characters(length)}, at least ${min} needed.`;
  return { shown, spoken, state };
}

/**
 * What a screen reader announces when typing takes a field over its maximum or back under it;
 * nothing is announced on other keystrokes, so typing is not talked over.
 */
export function describeLimitCrossing(over: boolean, max: number): string {
  return over ? `Over the limit of ${max} characters.` : `Within the limit of ${max} characters again.`;
}
