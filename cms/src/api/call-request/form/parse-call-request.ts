import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import formErrors from './form-errors.json';

/** Field names the form may send. Anything else is refused, so nothing unexpected is stored. */
export const FORM_FIELDS = [
  'name',
  'phone',
  'preferredTime',
  'message',
  'program',
  'consent',
  'consentVersion',
  'sourcePage',
  'website',
  'startedAt',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export const PREFERRED_TIMES = ['as-soon-as-possible', 'morning', 'afternoon', 'evening'] as const;

/**
 * Error codes, stable and safe to put in a URL (they never carry what the visitor typed),
 * with the message shown for each. The site shows the same messages (shared-types
 * generates them from this file).
 */
export const FORM_ERRORS = formErrors;
export type FormErrorCode = keyof typeof formErrors;

export interface FormError {
  field: FormField | 'form';
  code: FormErrorCode;
  message: string;
}

export interface CallRequestInput {
  name: string;
  /** E.164. */
  phone: string;
  preferredTime: (typeof PREFERRED_TIMES)[number];
  message: string | null;
  /** Slug of the program level the visitor was reading about. */
  program: string | null;
  consentVersion: string;
  sourcePage: string | null;
}

export type ParseResult =
  | { kind: 'valid'; data: CallRequestInput }
  | { kind: 'invalid'; errors: FormError[]; sourcePage: string | null }
  | { kind: 'bot'; sourcePage: string | null };

export interface ParseOptions {
  now: number;
  /** Posts completed faster than this after the form was shown are treated as bots. */
  minFillMs: number;
  /** Country for numbers written without +country code. */
  defaultCountry?: 'US';
}

// C0/C1 controls (except tab and newline in the message) and Unicode direction overrides,
// which can disguise what staff read in the admin.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/;
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .,-]*$/u;
const PHONE_CHARS = /^\+?[\d\s().-]{7,25}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PATH = /^\/[A-Za-z0-9/_-]{0,199}$/;
const CONSENT_VERSION = /^[A-Za-z0-9._-]{1,40}$/;
const MARKUP = /[<>]/;

const text = z.string().max(10_000);
const bodySchema = z.record(z.union([text, z.boolean(), z.number()]));

const asText = (value: string | number | boolean | undefined): string | null =>
  value === undefined ? null : typeof value === 'string' ? value : String(value);

const isTruthy = (value: unknown): boolean =>
  value === true || (typeof value === 'string' && ['on', 'true', 'yes', '1'].includes(value.toLowerCase()));

/**
 * Validates a request-a-call post (urlencoded or JSON, already parsed into an object).
 * Pure: the same body and clock give the same answer. Errors say what is wrong in
 * words a visitor understands and never repeat what they typed.
 */
export function parseCallRequest(body: unknown, { now, minFillMs, defaultCountry = 'US' }: ParseOptions): ParseResult {
  const shape = bodySchema.safeParse(body);
  if (!shape.success) {
    return {
      kind: 'invalid',
      sourcePage: null,
      errors: [{ field: 'form', code: 'body_invalid', message: FORM_ERRORS.body_invalid }],
    };
  }
  const fields = shape.data;
  const rawSource = asText(fields.sourcePage)?.trim() || null;
  const sourcePage = rawSource && PATH.test(rawSource) ? rawSource : null;

  // Bots fill the hidden field or post faster than a person can type: drop them quietly.
  if (asText(fields.website)?.trim()) return { kind: 'bot', sourcePage };
  const startedAt = Number(asText(fields.startedAt));
  if (Number.isFinite(startedAt) && startedAt > 0 && startedAt <= now && now - startedAt < minFillMs)
    return { kind: 'bot', sourcePage };

  const errors: FormError[] = [];
  const unknown = Object.keys(fields).filter((key) => !(FORM_FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    errors.push({ field: 'form', code: 'unknown_field', message: FORM_ERRORS.unknown_field });
  }

  const name = asText(fields.name)?.trim() ?? '';
  if (!name) errors.push({ field: 'name', code: 'name_required', message: FORM_ERRORS.name_required });
  else if (name.length > 100 || CONTROL.test(name) || BIDI.test(name) || !NAME.test(name)) {
    errors.push({ field: 'name', code: 'name_invalid', message: FORM_ERRORS.name_invalid });
  }

  const rawPhone = asText(fields.phone)?.trim() ?? '';
  let phone = '';
  if (!rawPhone) errors.push({ field: 'phone', code: 'phone_required', message: FORM_ERRORS.phone_required });
  else {
    const parsed = PHONE_CHARS.test(rawPhone) ? parsePhoneNumberFromString(rawPhone, defaultCountry) : undefined;
    if (parsed?.isValid()) phone = parsed.number;
    else errors.push({ field: 'phone', code: 'phone_invalid', message: FORM_ERRORS.phone_invalid });
  }

  const rawTime = asText(fields.preferredTime)?.trim() || 'as-soon-as-possible';
  const preferredTime = (PREFERRED_TIMES as readonly string[]).includes(rawTime)
    ? (rawTime as CallRequestInput['preferredTime'])
    : null;
  if (!preferredTime)
    errors.push({
      field: 'preferredTime',
      code: 'preferred_time_invalid',
      message: FORM_ERRORS.preferred_time_invalid,
    });

  const message = asText(fields.message)?.trim() || null;
  if (message && message.length > 500) {
    errors.push({ field: 'message', code: 'message_too_long', message: FORM_ERRORS.message_too_long });
  } else if (
    message &&
    (CONTROL.test(message.replace(/[\t\n\r]/g, '')) || BIDI.test(message) || MARKUP.test(message))
  ) {
    errors.push({ field: 'message', code: 'message_invalid', message: FORM_ERRORS.message_invalid });
  }

  const program = asText(fields.program)?.trim() || null;
  if (program && (program.length > 80 || !SLUG.test(program))) {
    errors.push({ field: 'program', code: 'program_invalid', message: FORM_ERRORS.program_invalid });
  }

  if (!isTruthy(fields.consent)) {
    errors.push({ field: 'consent', code: 'consent_required', message: FORM_ERRORS.consent_required });
  }
  const consentVersion = asText(fields.consentVersion)?.trim() ?? '';
  if (!CONSENT_VERSION.test(consentVersion)) {
    errors.push({
      field: 'consentVersion',
      code: 'consent_version_invalid',
      message: FORM_ERRORS.consent_version_invalid,
    });
  }
  if (rawSource && !sourcePage) {
    errors.push({ field: 'sourcePage', code: 'source_page_invalid', message: FORM_ERRORS.source_page_invalid });
  }

  if (errors.length > 0 || !preferredTime) return { kind: 'invalid', errors, sourcePage };
  return { kind: 'valid', data: { name, phone, preferredTime, message, program, consentVersion, sourcePage } };
}

/** `+19496948305` -> `+1*******305`: enough for staff to recognise, useless to anyone reading a log. */
export function maskPhone(e164: string): string {
  if (e164.length <= 5) return '*'.repeat(e164.length);
  return `${e164.slice(0, 2)}${'*'.repeat(e164.length - 5)}${e164.slice(-3)}`;
}
