import { describe, expect, it } from 'vitest';
import { smsHref, telHref } from './phone.ts';

describe('telHref', () => {
  it('links E.164 numbers and short codes', () => {
    expect(telHref('+19496948305')).toBe('tel:+19496948305');
    expect(telHref('988')).toBe('tel:988');
  });
  it('drops formatting characters', () => {
    expect(telHref(' +1 (800) 662-4357 ')).toBe('tel:+18006624357');
  });
});

describe('smsHref', () => {
  it('links a number for texting', () => {
    expect(smsHref('988')).toBe('sms:988');
  });
});
