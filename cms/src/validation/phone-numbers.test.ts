import { describe, expect, it } from 'vitest';
import { dialledDigits, displayDialsNumber, normalizePhoneNumber } from './phone-numbers';

describe('normalizePhoneNumber', () => {
  it('accepts the clinic number in any US format and stores it as E.164', () => {
    for (const typed of [
      '(949) 694-8305',
      '949.694.8305',
      '949-694-8305',
      '1 949 694 8305',
      '+1 949 694 8305',
      '+19496948305',
    ]) {
      expect(normalizePhoneNumber(typed)).toBe('+19496948305');
    }
  });

  it('keeps an international number given with its country code', () => {
    expect(normalizePhoneNumber('+44 20 7946 0958')).toBe('+442079460958');
  });

  it('refuses what cannot be dialled', () => {
    for (const typed of ['949 694', '12345', 'call us', '', '(000) 694-8305']) {
      expect(normalizePhoneNumber(typed)).toBeNull();
    }
  });
});

describe('displayDialsNumber', () => {
  it('matches a shown number to the dialled one whatever the punctuation or keypad letters', () => {
    expect(displayDialsNumber('1-800-662-4357', '+18006624357')).toBe(true);
    expect(displayDialsNumber('(800) 662-4357', '+18006624357')).toBe(true);
    expect(displayDialsNumber('1-800-662-HELP', '+18006624357')).toBe(true);
    expect(displayDialsNumber('988', '988')).toBe(true);
  });

  it('catches a shown number whose digits differ from the link', () => {
    expect(displayDialsNumber('(949) 555-0123', '+19496948305')).toBe(false);
    expect(displayDialsNumber('1-800-662-4358', '+18006624357')).toBe(false);
    expect(dialledDigits('+1 (949) 694-8305')).toBe('9496948305');
  });
});
