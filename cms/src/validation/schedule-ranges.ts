import { fieldLabel } from '../bootstrap/field-label';

/** The min/max pairs of the `shared.schedule-facts` component. */
export const SCHEDULE_RANGES = ['hoursPerWeek', 'daysPerWeek', 'hoursPerDay', 'durationWeeks'] as const;

export interface FieldError {
  /** Path of the field in the submitted data, as Strapi's admin expects it to highlight the field. */
  path: (string | number)[];
  message: string;
}

const asNumber = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
};

/** Every range of one schedule-facts value whose minimum exceeds its maximum. */
export function findScheduleRangeErrors(value: unknown, path: (string | number)[]): FieldError[] {
  if (value === null || typeof value !== 'object') return [];
  const facts = value as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const range of SCHEDULE_RANGES) {
    const min = asNumber(facts[`${range}Min`]);
    const max = asNumber(facts[`${range}Max`]);
    if (min !== null && max !== null && min > max) {
      errors.push({
        path: [...path, `${range}Max`],
        message: `${fieldLabel(`${range}Max`)} must be at least the minimum, ${min}. Raise it to ${min} or more, or lower ${fieldLabel(`${range}Min`)} to ${max} or less.`,
      });
    }
  }
  return errors;
}

/**
 * Range errors in a document's data, for every attribute that holds schedule facts
 * (single or repeatable). `scheduleAttributes` maps attribute name to repeatable.
 */
export function findDocumentScheduleErrors(
  data: Record<string, unknown>,
  scheduleAttributes: Record<string, boolean>,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, repeatable] of Object.entries(scheduleAttributes)) {
    const value = data[name];
    if (repeatable && Array.isArray(value)) {
      value.forEach((item, i) => errors.push(...findScheduleRangeErrors(item, [name, i])));
    } else if (!repeatable) {
      errors.push(...findScheduleRangeErrors(value, [name]));
    }
  }
  return errors;
}
