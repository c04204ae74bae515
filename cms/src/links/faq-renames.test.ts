import { describe, expect, it } from 'vitest';
import { describeFaqRenameRefusal, findFaqRename } from './faq-renames';

const question = 'Is virtual IOP available?';

describe('findFaqRename', () => {
  it('is the move from the published slug to the one being published, named by the question', () => {
    expect(
      findFaqRename({ slug: 'is-virtual-iop-available', question }, { slug: 'virtual-iop', question: 'Virtual IOP?' }),
    ).toEqual({
      name: "'Virtual IOP?'",
      locale: 'en',
      oldSlug: 'is-virtual-iop-available',
      newSlug: 'virtual-iop',
      oldSlugIsPlaceholder: false,
    });
  });

  it('is none for an FAQ never published, or published under the same slug', () => {
    expect(findFaqRename(null, { slug: 'virtual-iop', question })).toBeNull();
    expect(findFaqRename({ slug: 'virtual-iop' }, { slug: 'virtual-iop', question: 'Reworded?' })).toBeNull();
  });

  it("leaves a missing slug to Strapi's required check", () => {
    expect(findFaqRename({ slug: 'virtual-iop' }, { slug: '', question })).toBeNull();
    expect(findFaqRename({ slug: 'virtual-iop' }, { question })).toBeNull();
  });

  it("knows when the old slug was the admin's placeholder, which saving replaces", () => {
    expect(findFaqRename({ slug: 'faq-2' }, { slug: 'virtual-iop', question })?.oldSlugIsPlaceholder).toBe(true);
  });
});

describe('describeFaqRenameRefusal', () => {
  const linkedFrom = [
    { entry: 'Anchor page', fields: ['Body'] },
    { entry: 'Medical detox', fields: ['Summary', 'Body'] },
  ];

  it('starts with the label, names the linking entries and fields, the way back and the way through', () => {
    const rename = findFaqRename({ slug: 'is-virtual-iop-available' }, { slug: 'virtual-iop', question });
    expect(describeFaqRenameRefusal(rename!, linkedFrom)).toBe(
      "Slug: 'Is virtual IOP available?' is linked as /faq/#is-virtual-iop-available from Anchor page (Body) and " +
        'Medical detox (Summary, Body). Set the slug back to is-virtual-iop-available — or, to rename it, first ' +
        'change those links to /faq/ and publish them; then publish this, and link them to /faq/#virtual-iop.',
    );
  });

  it('says the slug was made from the question when the old one was a placeholder, and offers no way back', () => {
    const rename = findFaqRename({ slug: 'faq-2' }, { slug: 'is-virtual-iop-available', question });
    expect(describeFaqRenameRefusal(rename!, linkedFrom.slice(0, 1))).toBe(
      "Slug: 'Is virtual IOP available?' is linked as /faq/#faq-2 from Anchor page (Body). faq-2 was the admin's " +
        'placeholder, so saving made the slug is-virtual-iop-available from the Question. To publish, first change ' +
        'those links to /faq/ and publish them; then publish this, and link them to /faq/#is-virtual-iop-available.',
    );
  });

  it("names the Spanish version's anchors and FAQ page for a Spanish rename", () => {
    const rename = findFaqRename(
      { slug: 'hay-iop-virtual' },
      { slug: 'iop-virtual', question: '¿Hay IOP virtual?' },
      'es',
    );
    expect(describeFaqRenameRefusal(rename!, linkedFrom.slice(0, 1))).toBe(
      "Slug: '¿Hay IOP virtual?' is linked as /es/faq/#hay-iop-virtual from Anchor page (Body). Set the slug back " +
        'to hay-iop-virtual — or, to rename it, first change those links to /es/faq/ and publish them; then ' +
        'publish this, and link them to /es/faq/#iop-virtual.',
    );
  });
});
