import { callRequestForm } from '@clinic/shared-types';
import { describe, expect, it } from 'vitest';
import {
  maskPhone,
  parseCallablePhone,
  parseCallRequest,
  parseFormLanguage,
  type ParseResult,
} from './parse-call-request';
import { rateLimitedMessage, redirectTarget } from './respond';

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
        language: 'en',
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
  it.each(['en', 'es'] as const)(
    'gives every error the field and the %s message of the one map the site also reads',
    (language) => {
      const result = parseCallRequest(
        { name: '', phone: '', consent: 'no', consentVersion: 'x', sourcePage: 'x', language },
        options,
      );
      if (result.kind !== 'invalid') throw new Error('expected invalid');
      expect(result.language).toBe(language);
      for (const error of result.errors) {
        expect(error.field).toBe(callRequestForm.errorFields[error.code]);
        expect(error.message).toBe(callRequestForm.errors[error.code][language]);
      }
    },
  );

  it('has a Spanish message for every code, none of them the English one', () => {
    for (const [code, message] of Object.entries(callRequestForm.errors)) {
      expect(message.es, code).toMatch(/\S/);
      expect(message.es, code).not.toBe(message.en);
    }
  });
});

describe('language', () => {
  it('records a Spanish request as Spanish and answers its errors in Spanish', () => {
    expect(parseCallRequest({ ...valid, language: 'es' }, options)).toMatchObject({
      kind: 'valid',
      data: { language: 'es', phone: '+19495550142' },
    });
    const result = parseCallRequest({ ...valid, phone: 'abc', language: 'es' }, options);
    expect(result).toMatchObject({
      kind: 'invalid',
      language: 'es',
      errors: [{ code: 'phone_invalid', field: 'phone', message: callRequestForm.errors.phone_invalid.es }],
    });
  });

  it('reads a post without a language (an English page from before, or a client of its own) as English', () => {
    expect(parseCallRequest(valid, options)).toMatchObject({ kind: 'valid', data: { language: 'en' } });
    expect(parseCallRequest({ ...valid, phone: '' }, options)).toMatchObject({
      language: 'en',
      errors: [{ message: callRequestForm.errors.phone_required.en }],
    });
  });

  it('keeps the language of a post it drops as a bot, so the bot is thanked in it', () => {
    expect(parseCallRequest({ ...valid, website: 'x', language: 'es' }, options)).toEqual({
      kind: 'bot',
      sourcePage: null,
      language: 'es',
    });
  });

  it.each([
    ['es', 'es'],
    ['ES', 'es'],
    [' es-US ', 'es'],
    ['es-419', 'es'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['', 'en'],
    ['fr', 'en'],
    ['spanish', 'en'],
    ['es; DROP TABLE call_requests', 'en'],
    ['<script>', 'en'],
    [true, 'en'],
    [1, 'en'],
    [undefined, 'en'],
  ])('reads %j as %s: an unknown language is English, never a refusal', (raw, expected) => {
    expect(parseFormLanguage(raw)).toBe(expected);
    const result = parseCallRequest(raw === undefined ? valid : { ...valid, language: raw }, options);
    expect(result).toMatchObject({ kind: 'valid', data: { language: expected } });
  });
});

describe('maskPhone', () => {
  it('keeps the country code and the last three digits only', () => {
    expect(maskPhone('+19496948305')).toBe('+1*******305');
  });
});

describe('redirectTarget', () => {
  it('sends success to the thanks page and errors back to the page with only the code', () => {
    expect(redirectTarget('https://x.test', { ok: true, language: 'en' })).toBe('https://x.test/contact/thanks/');
    expect(
      redirectTarget('https://x.test', { ok: false, code: 'phone_invalid', sourcePage: null, language: 'en' }),
    ).toBe('https://x.test/contact/?error=phone_invalid#form-error-phone_invalid');
  });

  it('sends a Spanish post to the Spanish thanks page, and its errors back to its Spanish page', () => {
    expect(redirectTarget('https://x.test', { ok: true, language: 'es' })).toBe('https://x.test/es/contact/thanks/');
    expect(
      redirectTarget('https://x.test', {
        ok: false,
        code: 'consent_required',
        sourcePage: '/es/programs/programa-ambulatorio-intensivo/',
        language: 'es',
      }),
    ).toBe(
      'https://x.test/es/programs/programa-ambulatorio-intensivo/?error=consent_required#form-error-consent_required',
    );
    expect(
      redirectTarget('https://x.test', { ok: false, code: 'phone_invalid', sourcePage: null, language: 'es' }),
    ).toBe('https://x.test/es/contact/?error=phone_invalid#form-error-phone_invalid');
  });
});

describe('rateLimitedMessage', () => {
  it('tells the visitor in their language how many minutes to wait', () => {
    expect(rateLimitedMessage('en', 61)).toBe('Too many requests. Please try again in 2 minute(s), or call us.');
    expect(rateLimitedMessage('es', 30)).toBe('Demasiadas solicitudes. Inténtelo de nuevo en 1 minuto, o llámenos.');
    expect(rateLimitedMessage('es', 600)).toBe('Demasiadas solicitudes. Inténtelo de nuevo en 10 minutos, o llámenos.');
  });
});
