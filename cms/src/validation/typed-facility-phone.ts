import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { fieldLabel } from '../bootstrap/field-label';
import type { FieldError } from './schedule-ranges';

/** What editors write instead of the admissions number; the site fills it in (site/src/lib/phone-placeholder.ts). */
export const PHONE_PLACEHOLDER = '{phone}';

/** Fields that hold a phone number itself (the facility's, a crisis line's), not copy about it. */
const NUMBER_FIELDS = new Set(['phoneE164', 'phone', 'phoneDisplay', 'tty', 'ttyDisplay']);

/** "(949) 694-8305" for "+19496948305", as the site shows it. */
function displayForm(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatNational() ?? e164;
}

/**
 * The facility's own numbers typed into an entry's text, in any format ("(949) 694-8305",
 * "949.694.8305", `tel:+19496948305`...), in top-level fields and in components. Copy must say
 * `{phone}` instead, or it keeps showing and dialling the old number when the facility's
 * changes. Other numbers (988, SAMHSA's helpline) are copy like any other. One error per field.
 *
 * @param facilityNumbers the facility's phone numbers in E.164 (its draft and its published one)
 */
export function findTypedFacilityPhones(
  data: Record<string, unknown>,
  facilityNumbers: readonly string[],
): FieldError[] {
  const own = new Set(facilityNumbers);
  if (own.size === 0) return [];
  const errors: FieldError[] = [];

  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      const field = path.filter((part) => typeof part === 'string').at(-1);
      if (field === undefined || NUMBER_FIELDS.has(field)) return;
      const typed = findPhoneNumbersInText(value, 'US').find((found) => own.has(found.number.number));
      if (typed) {
        errors.push({
          path,
          message: `${fieldLabel(field)}: write ${PHONE_PLACEHOLDER} instead of typing the admissions number ${displayForm(typed.number.number)}, so the page follows when the number changes.`,
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  for (const [field, value] of Object.entries(data)) visit(value, [field]);
  return errors;
}
