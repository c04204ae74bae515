import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { fieldLabel } from '../bootstrap/field-label';
import type { FieldError } from './schedule-ranges';

/** What editors write instead of the admissions number; the site fills it in (site/src/lib/phone-placeholder.ts). */
export const PHONE_PLACEHOLDER = '{phone}';

/** The SEO component, whose meta description (and so og description) the site fills too. */
const SEO_COMPONENT = 'shared.seo';

/**
 * The fields of a type where the site fills `{phone}`, as dotted paths: its Markdown fields
 * (`body`, `answer`) and its SEO meta description (`seo.metaDescription`). Elsewhere (a
 * summary on a card, a tagline) `{phone}` would show as typed, so a number there is left alone.
 */
export function placeholderFields(attributes: Record<string, { type: string; component?: string }>): string[] {
  return Object.entries(attributes).flatMap(([name, attr]) => {
    if (attr.type === 'richtext') return [name];
    if (attr.type === 'component' && attr.component === SEO_COMPONENT) return [`${name}.metaDescription`];
    return [];
  });
}

/** "(949) 694-8305" for "+19496948305", as the site shows it. */
function displayForm(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatNational() ?? e164;
}

/**
 * The facility's own numbers typed into an entry's `fields` (see `placeholderFields`), in any
 * format ("(949) 694-8305", "949.694.8305", `tel:+19496948305`...). Copy must say `{phone}`
 * instead, or it keeps showing and dialling the old number when the facility's changes. Other
 * numbers (988, SAMHSA's helpline) are copy like any other. One error per field.
 *
 * @param facilityNumbers the facility's phone numbers in E.164 (its draft and its published one)
 */
export function findTypedFacilityPhones(
  data: Record<string, unknown>,
  facilityNumbers: readonly string[],
  fields: readonly string[],
): FieldError[] {
  const own = new Set(facilityNumbers);
  if (own.size === 0) return [];
  const errors: FieldError[] = [];
  for (const dotted of fields) {
    const path = dotted.split('.');
    let value: unknown = data;
    for (const key of path) {
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    if (typeof value !== 'string') continue;
    const typed = findPhoneNumbersInText(value, 'US').find((found) => own.has(found.number.number));
    if (typed) {
      errors.push({
        path,
        message: `${fieldLabel(path.at(-1) ?? dotted)}: write ${PHONE_PLACEHOLDER} instead of typing the admissions number ${displayForm(typed.number.number)}, so the page follows when the number changes.`,
      });
    }
  }
  return errors;
}
