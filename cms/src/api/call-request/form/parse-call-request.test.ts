import { callRequestForm } from '@clinic/shared-types';
import { describe, expect, it } from 'vitest';
import { maskPhone, parseCallablePhone, parseCallRequest, type ParseResult } from './parse-call-request';
import { redirectTarget } from './respond';

const now = 1_800_000_000_000;
const options = { now, minFillMs: 3000 };
const scripted = { ...options, scripted: true };
const valid = { name: 'José Núñez', phone: '949.555.0142', consent: 'on', consentVersion: '2026-11' };

const codes = (result: ParseResult) => (result.kind === 'invalid' ? result.errors.map((e) => e.code) : result.kind);

describe('parseCallRequest', () => {
  it('normalizes a US number to E.164 and defaults the preferred time', () => {
    expect(parseCallRequest(valid, options)).toEqual({
      kind: 'valid',
      data: {
        name: 'José Núñez',
        phone: '+19495550142',
        preferredTime: 'as-soon-as-possible',
        message: null,
        program: null,
        consentVersion: '2026-11',
        sourcePage: null,
      },
    });
  });

  it('reports every problem at once, each with a code and a message that never repeats the input', () => {
    const result = parseCallRequest({ name: '<x>', phone: 'call me', consentVersion: '2026-11' }, options);
    expect(codes(result)).toEqual(['name_invalid', 'phone_invalid', 'consent_required']);
    if (result.kind !== 'invalid') return;
    for (const error of result.errors) expect(error.message).not.toMatch(/<x>|call me/);
  });

  it('treats a filled honeypot or a post faster than the minimum fill time as a bot', () => {
    expect(parseCallRequest({ ...valid, website: 'x' }, options).kind).toBe('bot');
    expect(parseCallRequest({ ...valid, startedAt: String(now - 1000) }, options).kind).toBe('bot');
    expect(parseCallRequest({ ...valid, startedAt: String(now - 5000) }, options).kind).toBe('valid');
  });
});

describe('names', () => {
  it.each([
    ['Hangul filler alone', '\u3164'],
    ['a lone combining mark', '\u0301'],
    ['zero-width space only', '\u200B'],
    ['zero-width joiner only', '\u200D\u200D'],
    ['half-width Hangul filler', '\uFFA0'],
    ['braille blank', '\u2800'],
    ['punctuation only', "'-."],
    ['a letter then a combining mark pile-up', 'Z\u0301\u0302\u0303\u0304\u0305\u0306'],
  ])('refuses a name that is %s, naming the field', (_label, name) => {
    const result = parseCallRequest({ ...valid, name }, options);
    expect(codes(result)).toEqual(['name_invalid']);
    if (result.kind === 'invalid') expect(result.errors[0]).toMatchObject({ field: 'name' });
  });

  it.each([
    ['a zero-width space', 'Ann\u200BLee'],
    ['a Hangul filler', 'Ann \u3164Lee'],
    ['a soft hyphen', 'Ann\u00ADLee'],
    ['a word joiner', 'Ann\u2060Lee'],
    ['a variation selector', 'Ann\uFE0F Lee'],
  ])('refuses a name hiding %s between letters', (_label, name) => {
    expect(codes(parseCallRequest({ ...valid, name }, options))).toEqual(['name_invalid']);
  });

  it.each(["Mary-Jane O'Neil", 'Nguyễn Văn An', 'Zoë', 'J. R. Smith Jr.', '李小龍', 'Renée', 'e\u0301mile'])(
    'accepts %s',
    (name) => {
      expect(parseCallRequest({ ...valid, name }, options).kind).toBe('valid');
    },
  );
});

describe('format and filler characters in every field', () => {
  it.each([
    ['a zero-width space', 'Call me\u200B please'],
    ['a right-to-left override', 'call me \u202Eevil'],
    ['a Hangul filler', 'hello \u3164'],
    ['a BOM inside', 'hel\uFEFFlo'],
    ['a line separator', 'one\u2028two'],
  ])('refuses a message with %s', (_label, message) => {
    const result = parseCallRequest({ ...valid, message }, options);
    expect(codes(result)).toEqual(['message_invalid']);
    if (result.kind === 'invalid') expect(result.errors[0]!.message).toMatch(/message/i);
  });

  it('refuses hidden characters in the phone, time, program and source page', () => {
    expect(codes(parseCallRequest({ ...valid, phone: '949\u200B5550142' }, options))).toEqual(['phone_invalid']);
    expect(codes(parseCallRequest({ ...valid, preferredTime: 'morning\u200B' }, options))).toEqual([
      'preferred_time_invalid',
    ]);
    expect(codes(parseCallRequest({ ...valid, program: 'iop\u200B' }, options))).toEqual(['program_invalid']);
    expect(codes(parseCallRequest({ ...valid, sourcePage: '/contact/\u200B' }, options))).toEqual([
      'source_page_invalid',
    ]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['(949) 555-0142', '+19495550142'],
    ['+1 416 555 0142', '+14165550142'],
    ['1-800-555-0142', '+18005550142'],
  ])('accepts the US or Canadian number %s', (raw, e164) => {
    expect(parseCallablePhone(raw)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['a 900 premium-rate number', '(900) 555-0142'],
    ['a 976 pay-per-call exchange', '(212) 976-1234'],
  ])('refuses %s as premium-rate', (_label, raw) => {
    expect(parseCallablePhone(raw)).toEqual({ ok: false, code: 'phone_premium' });
    expect(codes(parseCallRequest({ ...valid, phone: raw }, options))).toEqual(['phone_premium']);
  });

  it.each([
    ['a UK number', '+44 20 7946 0958'],
    ['a Mexican number', '+52 55 1234 5678'],
    ['a Jamaican NANP number', '(876) 555-0142'],
    ['a 500 personal-communications number', '(500) 555-0142'],
    ['a Canadian 600 non-geographic number', '(600) 555-0142'],
    ['an invalid area code', '(111) 555-0142'],
  ])('refuses %s', (_label, raw) => {
    expect(parseCallablePhone(raw)).toEqual({ ok: false, code: 'phone_invalid' });
  });
});

describe('fill time', () => {
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['garbage', 'yesterday'],
    ['a float', '1799999990000.5'],
    ['in the future', String(now + 60 * 60_000)],
    ['absurdly far in the past', '1'],
  ])('refuses a scripted post whose startedAt is %s', (_label, startedAt) => {
    const body = startedAt === undefined ? valid : { ...valid, startedAt };
    const result = parseCallRequest(body, scripted);
    expect(codes(result)).toEqual(['started_at_invalid']);
  });

  it('accepts a scripted post whose client clock runs a little fast, and one that took long enough', () => {
    expect(parseCallRequest({ ...valid, startedAt: String(now + 30_000) }, scripted).kind).toBe('valid');
    expect(parseCallRequest({ ...valid, startedAt: String(now - 10_000) }, scripted).kind).toBe('valid');
    expect(parseCallRequest({ ...valid, startedAt: String(now - 1000) }, scripted).kind).toBe('bot');
  });

  it('judges a post without JavaScript as before: no stamp, or an unusable one, is no reason to refuse', () => {
    expect(parseCallRequest(valid, options).kind).toBe('valid');
    expect(parseCallRequest({ ...valid, startedAt: '' }, options).kind).toBe('valid');
    expect(parseCallRequest({ ...valid, startedAt: 'garbage' }, options).kind).toBe('valid');
  });
});

describe('consent version', () => {
  it('accepts only the current consent wording', () => {
    expect(parseCallRequest({ ...valid, consentVersion: callRequestForm.consentVersion }, options).kind).toBe('valid');
    const result = parseCallRequest({ ...valid, consentVersion: '2020-01' }, options);
    expect(codes(result)).toEqual(['consent_version_invalid']);
    if (result.kind === 'invalid') expect(result.errors[0]).toMatchObject({ field: 'consentVersion' });
  });
});

describe('error map', () => {
  it('gives every error the field and message of the one map the site also reads', () => {
    const result = parseCallRequest(
      { name: '', phone: '', consent: 'no', consentVersion: 'x', sourcePage: 'x' },
      options,
    );
    if (result.kind !== 'invalid') throw new Error('expected invalid');
    for (const error of result.errors) {
      expect(error.field).toBe(callRequestForm.errorFields[error.code]);
      expect(error.message).toBe(callRequestForm.errors[error.code]);
    }
  });
});

describe('maskPhone', () => {
  it('keeps the country code and the last three digits only', () => {
    expect(maskPhone('+19496948305')).toBe('+1*******305');
  });
});

describe('redirectTarget', () => {
  it('sends success to the thanks page and errors back to the page with only the code', () => {
    expect(redirectTarget('https://x.test', { ok: true })).toBe('https://x.test/contact/thanks/');
    expect(redirectTarget('https://x.test', { ok: false, code: 'phone_invalid', sourcePage: null })).toBe(
      'https://x.test/contact/?error=phone_invalid#form-error-phone_invalid',
    );
  });
});
