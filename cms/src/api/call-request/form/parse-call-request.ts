import callRequestForm from '@clinic/shared-types/call-request-form.json';
import { parsePhoneNumberFromString, type NumberType } from 'libphonenumber-js/max';
import { z } from 'zod';

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
  'language',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** The form's contract, generated into shared-types from the call request schema and `form-contract.json`. */
export const FORM_CONTRACT = callRequestForm;
export const PREFERRED_TIMES = callRequestForm.preferredTimes as readonly string[];

/**
 * The languages a visitor can ask to be called back in (the schema's `language` values), and
 * the one a post that names none is in: English, as every request was before there was a choice.
 */
export type FormLanguage = 'en' | 'es';
export const FORM_LANGUAGES = callRequestForm.languages as readonly FormLanguage[];
export const DEFAULT_LANGUAGE: FormLanguage = 'en';

/**
 * Error codes, stable and safe to put in a URL (they never carry what the visitor typed),
 * with the message shown for each in each language. The site shows the same messages from the same map.
 */
export type FormErrorCode = keyof typeof callRequestForm.errors;
export const FORM_ERRORS: Readonly<Record<FormErrorCode, Readonly<Record<FormLanguage, string>>>> =
  callRequestForm.errors;

export interface FormError {
  field: FormField | 'form';
  code: FormErrorCode;
  message: string;
}

/** The error for `code`, with the field the shared contract gives it and its message in `language`. */
export function formError(code: FormErrorCode, language: FormLanguage = DEFAULT_LANGUAGE): FormError {
  return {
    field: callRequestForm.errorFields[code] as FormError['field'],
    code,
    message: FORM_ERRORS[code][language],
  };
}

// `es`, `ES`, `es-US`, `es-MX`: what a page, a browser or a hand-written client may say for Spanish.
const LANGUAGE_TAG = /^([a-z]{2})(?:-[a-z0-9]{1,8})*$/i;

/**
 * The language of a post: its `language` field, `en` when it has none. A value that is no
 * language of the form is read as English instead of refused: the field is hidden and set
 * by our page, so the visitor could neither see nor fix the error, and a request for a call
 * back must not be lost over the language admissions first greets them in.
 */
export function parseFormLanguage(raw: unknown): FormLanguage {
  if (typeof raw !== 'string') return DEFAULT_LANGUAGE;
  const primary = LANGUAGE_TAG.exec(raw.trim())?.[1]?.toLowerCase();
  return FORM_LANGUAGES.find((lang) => lang === primary) ?? DEFAULT_LANGUAGE;
}

export interface CallRequestInput {
  name: string;
  /** E.164. */
  phone: string;
  preferredTime: string;
  message: string | null;
  /** Slug of the program level the visitor was reading about. */
  program: string | null;
  consentVersion: string;
  sourcePage: string | null;
  /** The language admissions calls back in, and the visitor's pages and messages are in. */
  language: FormLanguage;
}

/** Every outcome carries the post's language, so even a refusal is answered in it. */
export type ParseResult =
  | { kind: 'valid'; data: CallRequestInput }
  | { kind: 'invalid'; errors: FormError[]; sourcePage: string | null; language: FormLanguage }
  | { kind: 'bot'; sourcePage: string | null; language: FormLanguage };

export interface ParseOptions {
  now: number;
  /** Posts completed faster than this after the form was shown are treated as bots. */
  minFillMs: number;
  /**
   * The post came from the enhanced form (JSON), whose script always stamps `startedAt`:
   * a missing, garbage or future stamp is refused. Posts without JavaScript have none.
   * @default false
   */
  scripted?: boolean;
}

// C0/C1 controls (except tab and newline in the message).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Characters a reader cannot see or that change how text around them reads: format
// characters (zero-width spaces and joiners, direction overrides, the BOM), fillers that
// Unicode marks default-ignorable (U+3164 HANGUL FILLER, U+115F, U+FFA0, variation
// selectors), the braille blank, line/paragraph separators, private-use and unassigned.
const HIDDEN = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u2800]/u;
// Words of letters (each with at most a few combining marks) joined by spaces, hyphens,
// apostrophes, commas or full stops: a lone mark or punctuation alone is no name.
const NAME = /^\p{L}\p{M}{0,4}(?:[' .,-]{0,3}\p{L}\p{M}{0,4})*\.?$/u;
const PHONE_CHARS = /^\+?[\d\s().-]{7,25}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PATH = /^\/[A-Za-z0-9/_-]*$/;
const MARKUP = /[<>]/;
const STAMP = /^\d{13}$/;

/** Countries of the North American Numbering Plan we call at domestic rates: the US with its territories, and Canada. */
const CALLABLE_COUNTRIES = new Set(['US', 'CA', 'PR', 'VI', 'GU', 'AS', 'MP']);
/** Number types that cost the caller extra or reach no person: premium-rate, shared-cost, personal, pager, VoIP-only. */
const PREMIUM_TYPES = new Set<NumberType>(['PREMIUM_RATE', 'SHARED_COST']);
const UNCALLABLE_TYPES = new Set<NumberType>(['PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL', 'VOIP']);
/** The 976 exchange: pay-per-call lines inside geographic area codes, which the metadata does not mark. */
const PREMIUM_EXCHANGE = '976';
/** A client clock this far ahead of ours is believed (phones drift); further is an impossible stamp. */
const CLOCK_SKEW_MS = 5 * 60_000;

const text = z.string().max(10_000);
const bodySchema = z.record(z.union([text, z.boolean(), z.number()]));

const asText = (value: string | number | boolean | undefined): string | null =>
  value === undefined ? null : typeof value === 'string' ? value : String(value);

const isTruthy = (value: unknown): boolean =>
  value === true || (typeof value === 'string' && ['on', 'true', 'yes', '1'].includes(value.toLowerCase()));

/** Whether a name is one a person could have written: letters, visible, no controls. */
export function isValidName(name: string): boolean {
  return name.length <= callRequestForm.nameMaxLength && !CONTROL.test(name) && !HIDDEN.test(name) && NAME.test(name);
}

/**
 * A US or Canadian number we can call, in E.164, or why not: `phone_invalid` (not a
 * NANP number of the US or Canada) or `phone_premium` (premium-rate 900 and 976 lines).
 */
export function parseCallablePhone(raw: string): { ok: true; e164: string } | { ok: false; code: FormErrorCode } {
  if (!PHONE_CHARS.test(raw)) return { ok: false, code: 'phone_invalid' };
  const parsed = parsePhoneNumberFromString(raw, 'US');
  if (!parsed?.isValid() || parsed.countryCallingCode !== '1' || !CALLABLE_COUNTRIES.has(parsed.country ?? ''))
    return { ok: false, code: 'phone_invalid' };
  const type = parsed.getType();
  if ((type && PREMIUM_TYPES.has(type)) || parsed.nationalNumber.slice(3, 6) === PREMIUM_EXCHANGE)
    return { ok: false, code: 'phone_premium' };
  if (type && UNCALLABLE_TYPES.has(type)) return { ok: false, code: 'phone_invalid' };
  return { ok: true, e164: parsed.number };
}

/**
 * The fill-time check. A scripted post must carry a plausible stamp of when the form was
 * shown (a bot posting JSON directly rarely does); a post without JavaScript carries none
 * and is judged by the honeypot alone.
 */
function judgeStartedAt(
  raw: string | null,
  { now, minFillMs, scripted }: Required<ParseOptions>,
): 'ok' | 'bot' | 'invalid' {
  const stamp = raw?.trim() ?? '';
  if (!stamp) return scripted ? 'invalid' : 'ok';
  if (!STAMP.test(stamp)) return scripted ? 'invalid' : 'ok';
  const startedAt = Number(stamp);
  if (startedAt > now + CLOCK_SKEW_MS) return scripted ? 'invalid' : 'ok';
  // A stamp slightly ahead is a fast client clock: the elapsed time is unknowable, so let it through.
  if (startedAt > now) return 'ok';
  return now - startedAt < minFillMs ? 'bot' : 'ok';
}

/**
 * Validates a request-a-call post (urlencoded or JSON, already parsed into an object).
 * Pure: the same body and clock give the same answer. Errors say what is wrong in
 * words a visitor understands and never repeat what they typed.
 */
export function parseCallRequest(body: unknown, options: ParseOptions): ParseResult {
  const settings: Required<ParseOptions> = { scripted: false, ...options };
  const shape = bodySchema.safeParse(body);
  if (!shape.success)
    return { kind: 'invalid', sourcePage: null, language: DEFAULT_LANGUAGE, errors: [formError('body_invalid')] };
  const fields = shape.data;
  const language = parseFormLanguage(fields.language);
  const rawSource = asText(fields.sourcePage)?.trim() || null;
  const sourcePage =
    rawSource && rawSource.length <= callRequestForm.sourcePageMaxLength && PATH.test(rawSource) ? rawSource : null;

  // Bots fill the hidden field or post faster than a person can type: drop them quietly.
  if (asText(fields.website)?.trim()) return { kind: 'bot', sourcePage, language };
  const started = judgeStartedAt(asText(fields.startedAt), settings);
  if (started === 'bot') return { kind: 'bot', sourcePage, language };

  const errors: FormError[] = [];
  const fail = (code: FormErrorCode) => errors.push(formError(code, language));
  const unknown = Object.keys(fields).filter((key) => !(FORM_FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) fail('unknown_field');

  const name = (asText(fields.name) ?? '').normalize('NFC').trim();
  if (!name) fail('name_required');
  else if (!isValidName(name)) fail('name_invalid');

  const rawPhone = asText(fields.phone)?.trim() ?? '';
  let phone = '';
  if (!rawPhone) fail('phone_required');
  else {
    const parsed = parseCallablePhone(rawPhone);
    if (parsed.ok) phone = parsed.e164;
    else fail(parsed.code);
  }

  const preferredTime = asText(fields.preferredTime)?.trim() || 'as-soon-as-possible';
  if (!PREFERRED_TIMES.includes(preferredTime)) fail('preferred_time_invalid');

  const message = (asText(fields.message) ?? '').normalize('NFC').trim() || null;
  if (message && message.length > callRequestForm.messageMaxLength) fail('message_too_long');
  else if (
    message &&
    (CONTROL.test(message.replace(/[\t\n\r]/g, '')) || HIDDEN.test(message) || MARKUP.test(message))
  ) {
    fail('message_invalid');
  }

  const program = asText(fields.program)?.trim() || null;
  if (program && (program.length > 80 || !SLUG.test(program))) fail('program_invalid');

  if (!isTruthy(fields.consent)) fail('consent_required');
  const consentVersion = asText(fields.consentVersion)?.trim() ?? '';
  // Consent counts only for the wording the visitor was shown: a stale page must be reloaded.
  if (consentVersion !== callRequestForm.consentVersion) fail('consent_version_invalid');
  if (rawSource && !sourcePage) fail('source_page_invalid');
  if (started === 'invalid') fail('started_at_invalid');

  if (errors.length > 0) return { kind: 'invalid', errors, sourcePage, language };
  return {
    kind: 'valid',
    data: { name, phone, preferredTime, message, program, consentVersion, sourcePage, language },
  };
}

/** `+19496948305` -> `+1*******305`: enough for staff to recognise, useless to anyone reading a log. */
export function maskPhone(e164: string): string {
  if (e164.length <= 5) return '*'.repeat(e164.length);
  return `${e164.slice(0, 2)}${'*'.repeat(e164.length - 5)}${e164.slice(-3)}`;
}
