import { describe, expect, it } from 'vitest';
import { checkFacilityPhones } from './facility-phones';

describe('checkFacilityPhones', () => {
  it('stores a main phone typed in a US format as E.164', () => {
    expect(checkFacilityPhones({ phoneE164: '(949) 694-8305' })).toEqual({ phoneE164: '+19496948305', errors: [] });
    expect(checkFacilityPhones({ phoneE164: '+19496948305' })).toEqual({ errors: [] });
  });

  it('refuses a main phone that cannot be dialled, saying how to type it', () => {
    const { errors } = checkFacilityPhones({ phoneE164: '949 694' });
    expect(errors).toEqual([
      {
        path: ['phoneE164'],
        message:
          'Phone number: "949 694" is not a number we can dial. Type a US number such as (949) 694-8305, or an international one starting with + and the country code.',
      },
    ]);
  });

  it('refuses a crisis resource that shows one number and dials another, naming the resource', () => {
    const { errors } = checkFacilityPhones({
      crisisResources: [
        { name: '988 Lifeline', phone: '988', phoneDisplay: '988' },
        {
          name: 'SAMHSA National Helpline',
          phone: '+18006624357',
          phoneDisplay: '1-800-662-4358',
          tty: '+18004874889',
          ttyDisplay: '1-800-487-4889',
        },
        { name: 'Text line', phoneDisplay: '741741' },
      ],
    });
    expect(errors).toEqual([
      {
        path: ['crisisResources', 1, 'phoneDisplay'],
        message:
          'SAMHSA National Helpline: Phone display shows 1-800-662-4358 but the link dials +18006624357. Make both the same number, or empty Phone display to show the number as dialled.',
      },
      {
        path: ['crisisResources', 2, 'phoneDisplay'],
        message:
          'Text line: Phone display shows 741741 but Phone is empty. Fill in Phone with the number to dial, or empty Phone display.',
      },
    ]);
  });

  it('accepts keypad letters that dial the same number', () => {
    expect(
      checkFacilityPhones({
        crisisResources: [{ name: 'SAMHSA', phone: '+18006624357', phoneDisplay: '1-800-662-HELP' }],
      }).errors,
    ).toEqual([]);
  });
});
