import { describe, expect, it } from 'vitest';
import { maskPhone, parseCallRequest } from './parse-call-request';
import { redirectTarget } from './respond';

const now = 1_800_000_000_000;
const options = { now, minFillMs: 3000 };
const valid = { name: 'José Núñez', phone: '949.555.0142', consent: 'on', consentVersion: '2026-11' };

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
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.errors.map((e) => e.code)).toEqual(['name_invalid', 'phone_invalid', 'consent_required']);
    for (const error of result.errors) expect(error.message).not.toMatch(/<x>|call me/);
  });

  it('treats a filled honeypot or a post faster than the minimum fill time as a bot', () => {
    expect(parseCallRequest({ ...valid, website: 'x' }, options).kind).toBe('bot');
    expect(parseCallRequest({ ...valid, startedAt: String(now - 1000) }, options).kind).toBe('bot');
    expect(parseCallRequest({ ...valid, startedAt: String(now - 5000) }, options).kind).toBe('valid');
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
