import { describe, expect, it } from 'vitest';
import { crisisContactLinks, primaryCrisisResource } from './crisis-links.ts';

const lifeline = {
  phone: '988',
  phoneDisplay: '988',
  tty: null,
  ttyDisplay: null,
  acceptsText: true,
  url: 'https://988lifeline.org',
};
const samhsa = {
  phone: '+18006624357',
  phoneDisplay: '1-800-662-4357',
  tty: '+18004874889',
  ttyDisplay: '1-800-487-4889',
  acceptsText: false,
  url: null,
};

describe('crisisContactLinks', () => {
  it('offers call and text for 988', () => {
    expect(crisisContactLinks(lifeline)).toEqual([
      { kind: 'call', label: 'Call 988', href: 'tel:988' },
      { kind: 'text', label: 'Text 988', href: 'sms:988' },
    ]);
  });
  it('offers call and TTY for the SAMHSA helpline, no text', () => {
    expect(crisisContactLinks(samhsa)).toEqual([
      { kind: 'call', label: 'Call 1-800-662-4357', href: 'tel:+18006624357' },
      { kind: 'tty', label: 'TTY 1-800-487-4889', href: 'tel:+18004874889' },
    ]);
  });
  it('labels the links in Spanish', () => {
    expect(crisisContactLinks(lifeline, { lang: 'es', includeWeb: true }).map((l) => l.label)).toEqual([
      'Llame al 988',
      'Envíe un texto al 988',
      'Sitio web',
    ]);
    expect(crisisContactLinks(samhsa, { lang: 'es' })[1]?.label).toBe('TTY: 1-800-487-4889');
  });
  it('adds the website only when asked', () => {
    expect(crisisContactLinks(lifeline, { includeWeb: true }).at(-1)).toEqual({
      kind: 'web',
      label: 'Website',
      href: 'https://988lifeline.org',
    });
  });
  it('falls back to the dialable number when there is no display form', () => {
    expect(crisisContactLinks({ ...samhsa, phoneDisplay: null, ttyDisplay: '' })[0]?.label).toBe('Call +18006624357');
    expect(crisisContactLinks({ ...samhsa, phoneDisplay: null, ttyDisplay: '' })[1]?.label).toBe('TTY +18004874889');
  });
  it('has nothing to offer without numbers', () => {
    expect(crisisContactLinks({ ...samhsa, phone: '', tty: null })).toEqual([]);
  });
});

describe('primaryCrisisResource', () => {
  it('prefers a line that takes calls and texts', () => {
    expect(primaryCrisisResource([samhsa, lifeline])).toBe(lifeline);
  });
  it('falls back to the first with a phone, or nothing', () => {
    expect(primaryCrisisResource([{ phone: null, acceptsText: false }, samhsa])).toBe(samhsa);
    expect(primaryCrisisResource([])).toBeUndefined();
  });
});
