import { describe, expect, it } from 'vitest';
import { followTitle, slugFromTitle } from './follow-title';

describe('slugFromTitle', () => {
  it('makes the slug Strapi makes from the same title', () => {
    // Expected values are @sindresorhus/slugify's, which Strapi's uid service uses.
    expect(slugFromTitle('Can I keep my phone during treatment?')).toBe('can-i-keep-my-phone-during-treatment');
    expect(slugFromTitle("What's IOP?")).toBe('what-s-iop');
    expect(slugFromTitle('Dual-diagnosis & co-occurring')).toBe('dual-diagnosis-and-co-occurring');
    expect(slugFromTitle('Café  niño')).toBe('cafe-nino');
    expect(slugFromTitle('How long is PHP (partial hospitalization)?')).toBe('how-long-is-php-partial-hospitalization');
    expect(slugFromTitle('CBT vs. DBT')).toBe('cbt-vs-dbt');
  });
});

describe('followTitle', () => {
  const faq = { modelName: 'faq', lastFollowed: null };

  it("replaces the admin's placeholder as the question is typed, and keeps following", () => {
    expect(followTitle({ ...faq, title: 'Can I', slug: 'faq' })).toBe('can-i');
    expect(followTitle({ ...faq, title: 'Can I keep', slug: 'can-i', lastFollowed: 'can-i' })).toBe('can-i-keep');
    expect(followTitle({ ...faq, title: 'Can', slug: '' })).toBe('can');
  });

  it('stops once the editor has typed a slug of their own', () => {
    expect(
      followTitle({ ...faq, title: 'Can I keep my phone?', slug: 'phones', lastFollowed: 'can-i-keep' }),
    ).toBeNull();
  });

  it('leaves the slug alone while the title gives none', () => {
    expect(followTitle({ ...faq, title: '?', slug: 'faq' })).toBeNull();
    expect(followTitle({ ...faq, title: undefined, slug: 'faq' })).toBeNull();
  });
});
