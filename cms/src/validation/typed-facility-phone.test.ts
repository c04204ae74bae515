import { describe, expect, it } from 'vitest';
import { findTypedFacilityPhones, placeholderFields } from './typed-facility-phone';

const FACILITY = ['+19496948305'];
const COPY = ['body', 'answer', 'seo.metaDescription'];

describe('placeholderFields', () => {
  it('names the Markdown fields and the SEO meta description, where the site fills {phone}', () => {
    expect(
      placeholderFields({
        name: { type: 'string' },
        summary: { type: 'text' },
        body: { type: 'richtext' },
        schedule: { type: 'component', component: 'shared.schedule-facts' },
        seo: { type: 'component', component: 'shared.seo' },
      }),
    ).toEqual(['body', 'seo.metaDescription']);
  });
});

describe('findTypedFacilityPhones', () => {
  it('refuses the admissions number typed into a Markdown body, shown or in a tel: link, naming the field', () => {
    expect(findTypedFacilityPhones({ body: 'Call us at [(949) 694-8305](tel:+19496948305).' }, FACILITY, COPY)).toEqual(
      [
        {
          path: ['body'],
          message:
            'Body: write {phone} instead of typing the admissions number (949) 694-8305, so the page follows when the number changes.',
        },
      ],
    );
    expect(findTypedFacilityPhones({ answer: '[Call admissions](tel:+19496948305)' }, FACILITY, COPY)).toHaveLength(1);
  });

  it('knows the number in any format', () => {
    for (const typed of ['949.694.8305', '949-694-8305', '1 (949) 694-8305', '+1 949 694 8305', '9496948305']) {
      expect(findTypedFacilityPhones({ body: `Call ${typed} today.` }, FACILITY, COPY), typed).toHaveLength(1);
    }
  });

  it('finds it in the SEO meta description, naming that field by its label', () => {
    expect(
      findTypedFacilityPhones(
        { seo: { metaDescription: 'Detox in Laguna Beach. Call (949) 694-8305.' } },
        FACILITY,
        COPY,
      ),
    ).toEqual([
      {
        path: ['seo', 'metaDescription'],
        message:
          'Meta description: write {phone} instead of typing the admissions number (949) 694-8305, so the page follows when the number changes.',
      },
    ]);
  });

  it('checks against every number the facility holds, draft and published', () => {
    expect(findTypedFacilityPhones({ body: 'Call (714) 555-0199.' }, [...FACILITY, '+17145550199'], COPY)).toHaveLength(
      1,
    );
  });

  it('allows {phone}, other numbers such as 988 and SAMHSA, and fields where {phone} is not filled', () => {
    expect(
      findTypedFacilityPhones(
        {
          body: 'Call {phone}. In a crisis call [988](tel:988) or SAMHSA at [1-800-662-4357](tel:+18006624357).',
          phoneE164: '+19496948305',
          summary: 'Call (949) 694-8305.',
          crisisResources: [{ name: 'Admissions', phone: '+19496948305', phoneDisplay: '(949) 694-8305' }],
        },
        FACILITY,
        COPY,
      ),
    ).toEqual([]);
  });

  it('has nothing to compare with before the facility exists', () => {
    expect(findTypedFacilityPhones({ body: 'Call (949) 694-8305.' }, [], COPY)).toEqual([]);
  });
});
