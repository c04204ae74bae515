import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Letters on a phone keypad, so "1-800-662-HELP" is compared by the digits it dials. */
const KEYPAD: Record<string, string> = {};
for (const [digit, letters] of Object.entries({
  2: 'abc',
  3: 'def',
  4: 'ghi',
  5: 'jkl',
  6: 'mno',
  7: 'pqrs',
  8: 'tuv',
  9: 'wxyz',
})) {
  for (const letter of letters) KEYPAD[letter] = digit;
}

/**
 * The number an editor typed, in E.164 (`+19496948305`), from any US format ("(949) 694-8305",
 * "949.694.8305", "1 949 694 8305") or an international one starting with `+`. Null when
 * libphonenumber does not know it as a real number.
 */
export function normalizePhoneNumber(typed: string): string | null {
  const parsed = parsePhoneNumberFromString(typed.trim(), 'US');
  return parsed?.isValid() ? parsed.number : null;
}

/** The digits a shown number dials: keypad letters become digits, punctuation goes, a US leading 1 too. */
export function dialledDigits(text: string): string {
  const digits = [...text.toLowerCase()]
    .map((c) => KEYPAD[c] ?? c)
    .join('')
    .replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** Whether a number as shown ("1-800-662-4357") dials the stored one ("+18006624357"). */
export function displayDialsNumber(display: string, dialled: string): boolean {
  return dialledDigits(display) === dialledDigits(dialled);
}
