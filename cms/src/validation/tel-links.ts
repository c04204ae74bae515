import { fieldLabel } from '../bootstrap/field-label';
import { dialledDigits, displayDialsNumber } from './phone-numbers';
import type { FieldError } from './schedule-ranges';

/** A Markdown link to a phone number: `[(949) 694-8305](tel:+19496948305)`. */
const TEL_LINK = /\[([^\]\n]+)\]\(\s*tel:([^)\s]+)\s*\)/gi;

/**
 * Markdown phone links whose shown number is not the one they dial, in every text field of an
 * entry's data. Link text without a number of its own ("Call admissions") is fine.
 */
export function findTelLinkMismatches(data: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(data)) {
    if (typeof value !== 'string' || !value.includes('tel:')) continue;
    for (const [, text = '', target = ''] of value.matchAll(TEL_LINK)) {
      // Words around the number ("Call us at") are dropped; letters inside it ("662-HELP") are dialled.
      const numberOnly = text.replace(/[a-z]+/gi, '');
      if (dialledDigits(numberOnly).length < 3) continue;
      const dialled = decodeURIComponent(target);
      if (!displayDialsNumber(numberOnly, dialled) && !displayDialsNumber(text, dialled)) {
        errors.push({
          path: [field],
          message: `${fieldLabel(field)}: the link "${text}" dials ${target}. Make the shown number and the number after tel: the same, e.g. [1-800-662-4357](tel:+18006624357), or write {phone} for the admissions number.`,
        });
      }
    }
  }
  return errors;
}
