import { describe, expect, it } from 'vitest';
import {
  describeTakedownRefusal,
  entryDisplayName,
  findLinkingEntries,
  linksTo,
  pathsGoneWith,
  type MarkdownEntry,
} from './incoming-links';

const RESIDENTIAL = '/programs/residential-treatment/';
const LEVEL = 'api::program-level.program-level';
const FAQ = 'api::faq.faq';
const self = { uid: LEVEL, documentId: 'residential' };

const detox: MarkdownEntry = {
  uid: LEVEL,
  documentId: 'detox',
  name: 'Medical detox',
  markdown: { body: 'After detox, [residential care](/programs/residential-treatment/) follows.', summary: null },
};
const virtualIop: MarkdownEntry = {
  uid: FAQ,
  documentId: 'virtual',
  name: "'Is virtual IOP available?'",
  markdown: { answer: 'Yes; see also [residential](/programs/residential-treatment#costs).' },
};
const unrelated: MarkdownEntry = {
  uid: LEVEL,
  documentId: 'iop',
  name: 'Intensive outpatient program',
  markdown: { body: '[Detox](/programs/medical-detox/), `[code](/programs/residential-treatment/)`' },
};

describe('findLinkingEntries', () => {
  it('names each published entry linking to the page, with the labels of the fields that do', () => {
    const linkedFrom = findLinkingEntries({ paths: new Set([RESIDENTIAL]) }, [detox, virtualIop, unrelated], self);
    expect(linkedFrom).toEqual([
      { entry: 'Medical detox', fields: ['Body'] },
      { entry: "'Is virtual IOP available?'", fields: ['Answer'] },
    ]);
  });

  it('leaves out the entry that goes: its links to itself go with it', () => {
    const selfLink = { ...detox, documentId: 'residential', name: 'Residential treatment' };
    expect(findLinkingEntries({ paths: new Set([RESIDENTIAL]) }, [selfLink], self)).toEqual([]);
  });

  it('finds no links when every gone address is covered', () => {
    expect(findLinkingEntries({ paths: new Set() }, [detox, virtualIop], self)).toEqual([]);
  });

  it("finds links to an FAQ's anchor on any FAQ page, and only that anchor", () => {
    const level: MarkdownEntry = {
      uid: LEVEL,
      documentId: 'iop',
      name: 'Intensive outpatient program',
      markdown: { body: 'See [virtual IOP](/faq/2/#is-virtual-iop-available).', goals: '[All](/faq/)' },
    };
    const other: MarkdownEntry = { ...level, documentId: 'php', markdown: { body: '[x](/faq/#another-question)' } };
    expect(
      findLinkingEntries({ paths: new Set(), faqAnchor: 'is-virtual-iop-available' }, [level, other], {
        uid: FAQ,
        documentId: 'virtual',
      }),
    ).toEqual([{ entry: 'Intensive outpatient program', fields: ['Body'] }]);
  });
});

describe('linksTo', () => {
  const target = { paths: new Set([RESIDENTIAL]) };
  it('matches the page in any spelling the site answers to', () => {
    for (const href of [RESIDENTIAL, '/programs/residential-treatment', '/programs/residential-treatment/?a=1#b']) {
      expect(linksTo(href, target), href).toBe(true);
    }
  });
  it('ignores other pages, external links and protocol-relative links', () => {
    for (const href of [
      '/programs/',
      'https://example.org/programs/residential-treatment/',
      '//x/programs/residential-treatment/',
    ]) {
      expect(linksTo(href, target), href).toBe(false);
    }
  });
});

describe('pathsGoneWith', () => {
  const entry = { model: 'program-level', documentId: 'residential' };
  const redirect = (fromPath: string, rest: Record<string, unknown>) => ({
    fromPath,
    httpStatus: 'moved-permanently-301',
    ...rest,
  });

  it('is the page alone when no redirect names it', () => {
    expect([...pathsGoneWith(RESIDENTIAL, entry, [])]).toEqual([RESIDENTIAL]);
  });

  it('leaves out the page when a published 301 from it leads elsewhere', () => {
    const covering = redirect('/programs/residential-treatment', { targetType: 'path', targetPath: '/programs/' });
    expect([...pathsGoneWith(RESIDENTIAL, entry, [covering])]).toEqual([]);
  });

  it('keeps the page when the only redirect from it is a 410, which a link cannot follow', () => {
    const gone = { fromPath: RESIDENTIAL, httpStatus: 'gone-410' };
    expect([...pathsGoneWith(RESIDENTIAL, entry, [gone])]).toEqual([RESIDENTIAL]);
  });

  it('adds old addresses that redirect to the entry, and addresses that redirect to those', () => {
    const renamed = redirect('/programs/residential/', {
      targetType: 'program-level',
      targetDocumentId: 'residential',
    });
    const chained = redirect('/rtc/', { targetType: 'path', targetPath: '/programs/residential' });
    const elsewhere = redirect('/detox/', { targetType: 'program-level', targetDocumentId: 'detox' });
    expect([...pathsGoneWith(RESIDENTIAL, entry, [renamed, chained, elsewhere])].sort()).toEqual(
      ['/programs/residential/', RESIDENTIAL, '/rtc/'].sort(),
    );
  });
});

describe('describeTakedownRefusal', () => {
  it('names the entry, each linking entry with its fields, and the way out', () => {
    expect(
      describeTakedownRefusal('unpublish', 'Residential treatment', [
        { entry: 'Medical detox', fields: ['Body'] },
        { entry: "'Is virtual IOP available?'", fields: ['Answer'] },
      ]),
    ).toBe(
      "Residential treatment can't be unpublished: it is linked from Medical detox (Body) and 'Is virtual IOP available?' (Answer). Remove those links, then unpublish.",
    );
  });

  it('lists three or more with commas, and several fields of one entry together', () => {
    expect(
      describeTakedownRefusal('delete', 'Group therapy', [
        { entry: 'A', fields: ['Summary', 'Body'] },
        { entry: 'B', fields: ['Body'] },
        { entry: 'C', fields: ['Answer'] },
      ]),
    ).toBe(
      "Group therapy can't be deleted: it is linked from A (Summary, Body), B (Body) and C (Answer). Remove those links, then delete.",
    );
  });
});

describe('entryDisplayName', () => {
  it('is the name, else the question in quotes', () => {
    expect(entryDisplayName({ name: 'Medical detox', slug: 'medical-detox' })).toBe('Medical detox');
    expect(entryDisplayName({ question: 'Is virtual IOP available?' })).toBe("'Is virtual IOP available?'");
    expect(entryDisplayName({ slug: 'x' })).toBe('This entry');
  });
});
