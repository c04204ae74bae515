import { describe, expect, it } from 'vitest';
import { formatPhoneDisplay, smsHref, telHref } from './phone.ts';

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

describe('formatPhoneDisplay', () => {
  it('shows a US number the way it is dialled, in the national format', () => {
    expect(formatPhoneDisplay('+19496948305')).toBe('(949) 694-8305');
    expect(formatPhoneDisplay('9496948305')).toBe('(949) 694-8305');
  });
  it('shows the same digits the link dials', () => {
    for (const number of ['+19496948305', '+18006624357', '988', '+442079460958']) {
      const shownDigits = formatPhoneDisplay(number).replace(/\D/g, '');
      expect(telHref(number).replace(/\D/g, '')).toMatch(new RegExp(`^1?${shownDigits}$`));
    }
  });
  it('leaves short codes and other countries as stored', () => {
    expect(formatPhoneDisplay('988')).toBe('988');
    expect(formatPhoneDisplay('+442079460958')).toBe('+442079460958');
  });
});
