import { fieldLabel } from '../bootstrap/field-label';
import { displayDialsNumber, normalizePhoneNumber } from './phone-numbers';
import type { FieldError } from './schedule-ranges';

/** What the facility rules decided: the main phone as stored (E.164), and anything to fix. */
export interface FacilityPhoneCheck {
  /** Set when the submitted main phone was typed in another format and is stored as E.164. */
  phoneE164?: string;
  errors: FieldError[];
}

const MAIN_PHONE = 'phoneE164';
/** Crisis resource number fields and the display field that must dial the same digits. */
const CRISIS_PAIRS = [
  ['phone', 'phoneDisplay'],
  ['tty', 'ttyDisplay'],
] as const;

/**
 * The facility's phone rules. Editors type the main number once, in any US format; it is
 * stored as E.164 and the site derives what it shows from it. A crisis resource may show its
 * number differently ("1-800-662-HELP"), but never a number other than the one its link dials.
 */
export function checkFacilityPhones(data: Record<string, unknown>): FacilityPhoneCheck {
  const check: FacilityPhoneCheck = { errors: [] };
  const typed = data[MAIN_PHONE];
  if (typeof typed === 'string' && typed.trim() !== '') {
    const e164 = normalizePhoneNumber(typed);
    if (e164 === null) {
      check.errors.push({
        path: [MAIN_PHONE],
        message: `${fieldLabel(MAIN_PHONE)}: "${typed}" is not a number we can dial. Type a US number such as (949) 694-8305, or an international one starting with + and the country code.`,
      });
    } else if (e164 !== typed) {
      check.phoneE164 = e164;
    }
  }

  const resources = data.crisisResources;
  if (Array.isArray(resources)) {
    resources.forEach((resource: unknown, index) => {
      if (resource === null || typeof resource !== 'object') return;
      const fields = resource as Record<string, unknown>;
      for (const [numberField, displayField] of CRISIS_PAIRS) {
        const dialled = fields[numberField];
        const shown = fields[displayField];
        if (typeof shown !== 'string' || shown.trim() === '') continue;
        const name = typeof fields.name === 'string' && fields.name ? fields.name : `crisis resource ${index + 1}`;
        if (typeof dialled !== 'string' || dialled.trim() === '') {
          check.errors.push({
            path: ['crisisResources', index, displayField],
            message: `${name}: ${fieldLabel(displayField)} shows ${shown} but ${fieldLabel(numberField)} is empty. Fill in ${fieldLabel(numberField)} with the number to dial, or empty ${fieldLabel(displayField)}.`,
          });
        } else if (!displayDialsNumber(shown, dialled)) {
          check.errors.push({
            path: ['crisisResources', index, displayField],
            message: `${name}: ${fieldLabel(displayField)} shows ${shown} but the link dials ${dialled}. Make both the same number, or empty ${fieldLabel(displayField)} to show the number as dialled.`,
          });
        }
      }
    });
  }
  return check;
}
