import { describe, expect, it } from 'vitest';
import {
  describeTakedownRefusal,
  entryDisplayName,
  faqAnchorsOf,
  findLinkingEntries,
  linksTo,
  pathsGoneWith,
  type MarkdownEntry,
} from './incoming-links';

const RESIDENTIAL = '/programs/residential-treatment/';
const LEVEL = 'api::program-level.program-level';
const FAQ = 'api::faq.faq';
const self = { uid: LEVEL, documentId: 'residential', locales: new Set(['en'] as const) };

const detox: MarkdownEntry = {
  uid: LEVEL,
  documentId: 'detox',
  locale: 'en',
  name: 'Medical detox',
  markdown: { body: 'After detox, [residential care](/programs/residential-treatment/) follows.', summary: null },
};
const virtualIop: MarkdownEntry = {
  uid: FAQ,
  documentId: 'virtual',
  locale: 'en',
  name: "'Is virtual IOP available?'",
  markdown: { answer: 'Yes; see also [residential](/programs/residential-treatment#costs).' },
};
const unrelated: MarkdownEntry = {
  uid: LEVEL,
  documentId: 'iop',
  locale: 'en',
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
      locale: 'en',
      name: 'Intensive outpatient program',
      markdown: { body: 'See [virtual IOP](/faq/2/#is-virtual-iop-available).', goals: '[All](/faq/)' },
    };
    const other: MarkdownEntry = { ...level, documentId: 'php', markdown: { body: '[x](/faq/#another-question)' } };
    const before = faqAnchorsOf([virtualFaq('en', 'is-virtual-iop-available'), virtualFaq('en', 'another-question')]);
    const after = faqAnchorsOf([virtualFaq('en', 'another-question')]);
    expect(
      findLinkingEntries({ paths: new Set(), faqAnchors: { before, after } }, [level, other], {
        uid: FAQ,
        documentId: 'virtual',
        locales: new Set(['en']),
      }),
    ).toEqual([{ entry: 'Intensive outpatient program', fields: ['Body'] }]);
  });

  it("leaves out only the versions that go: another language's version of the entry keeps its links", () => {
    const spanishSelf: MarkdownEntry = {
      ...detox,
      documentId: 'residential',
      locale: 'es',
      name: 'Tratamiento residencial',
    };
    expect(findLinkingEntries({ paths: new Set([RESIDENTIAL]) }, [spanishSelf], self)).toEqual([
      { entry: 'Tratamiento residencial', fields: ['Body'] },
    ]);
    expect(
      findLinkingEntries({ paths: new Set([RESIDENTIAL]) }, [spanishSelf], { ...self, locales: new Set(['es']) }),
    ).toEqual([]);
  });
});

function virtualFaq(locale: 'en' | 'es', slug: string) {
  return { documentId: `faq-${slug}`, locale, slug };
}

describe('linking in Spanish copy', () => {
  const ES_RESIDENTIAL = '/es/programs/tratamiento-residencial/';
  const spanish = (body: string): MarkdownEntry => ({
    uid: LEVEL,
    documentId: 'detox',
    locale: 'es',
    name: 'Desintoxicación médica',
    markdown: { body },
  });
  const english = (body: string): MarkdownEntry => ({ ...spanish(body), locale: 'en', name: 'Medical detox' });

  it("a Spanish version's page is held by links to it, not by English links to the English page", () => {
    const target = { paths: new Set([ES_RESIDENTIAL]) };
    const spanishSelf = { ...self, locales: new Set(['es'] as const) };
    expect(
      findLinkingEntries(
        target,
        [spanish(`[residencial](${ES_RESIDENTIAL})`), english(`[x](${RESIDENTIAL})`)],
        spanishSelf,
      ),
    ).toEqual([{ entry: 'Desintoxicación médica', fields: ['Body'] }]);
    // The site keeps that English link, or sends it to the Spanish page only while the English answers.
    expect(findLinkingEntries(target, [spanish(`[residencial](${RESIDENTIAL})`)], spanishSelf)).toEqual([]);
  });

  it("an English version's page is held by Spanish copy that links it by its English address", () => {
    expect(findLinkingEntries({ paths: new Set([RESIDENTIAL]) }, [spanish(`[r](${RESIDENTIAL})`)], self)).toEqual([
      { entry: 'Desintoxicación médica', fields: ['Body'] },
    ]);
  });

  it('an FAQ anchor breaks for each language as the site links it', () => {
    const both = [virtualFaq('en', 'is-virtual-iop-available'), virtualFaq('es', 'hay-iop-virtual')];
    const withoutSpanish = faqAnchorsOf(both.filter((faq) => faq.locale === 'en'));
    const withoutEnglish = faqAnchorsOf(both.filter((faq) => faq.locale === 'es'));
    const goesSpanish = { paths: new Set<string>(), faqAnchors: { before: faqAnchorsOf(both), after: withoutSpanish } };
    const goesEnglish = { paths: new Set<string>(), faqAnchors: { before: faqAnchorsOf(both), after: withoutEnglish } };
    // A Spanish link to the Spanish anchor breaks with the Spanish version...
    expect(linksTo('/es/faq/#hay-iop-virtual', 'es', goesSpanish)).toBe(true);
    expect(linksTo('/es/faq/#hay-iop-virtual', 'es', goesEnglish)).toBe(false);
    // ...and one to the English anchor with the English version: the site keeps it English while
    // the question has no Spanish version, and sends it to the Spanish one only while the English answers.
    expect(linksTo('/faq/#is-virtual-iop-available', 'es', goesSpanish)).toBe(false);
    expect(linksTo('/faq/#is-virtual-iop-available', 'es', goesEnglish)).toBe(true);
    expect(linksTo('/faq/#is-virtual-iop-available', 'en', goesSpanish)).toBe(false);
    // An English FAQ link with an anchor no English question has lands on the Spanish FAQ page.
    expect(linksTo('/faq/#hay-iop-virtual', 'es', goesSpanish)).toBe(true);
  });
});

describe('linksTo', () => {
  const target = { paths: new Set([RESIDENTIAL]) };
  it('matches the page in any spelling the site answers to', () => {
    for (const href of [RESIDENTIAL, '/programs/residential-treatment', '/programs/residential-treatment/?a=1#b']) {
      expect(linksTo(href, 'en', target), href).toBe(true);
    }
  });
  it('ignores other pages, external links and protocol-relative links', () => {
    for (const href of [
      '/programs/',
      'https://example.org/programs/residential-treatment/',
      '//x/programs/residential-treatment/',
    ]) {
      expect(linksTo(href, 'en', target), href).toBe(false);
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
    expect([...pathsGoneWith([RESIDENTIAL], entry, [])]).toEqual([RESIDENTIAL]);
  });

  it('leaves out the page when a published 301 from it leads elsewhere', () => {
    const covering = redirect('/programs/residential-treatment', { targetType: 'path', targetPath: '/programs/' });
    expect([...pathsGoneWith([RESIDENTIAL], entry, [covering])]).toEqual([]);
  });

  it('keeps the page when the only redirect from it is a 410, which a link cannot follow', () => {
    const gone = { fromPath: RESIDENTIAL, httpStatus: 'gone-410' };
    expect([...pathsGoneWith([RESIDENTIAL], entry, [gone])]).toEqual([RESIDENTIAL]);
  });

  it('adds old addresses that redirect to the entry, and addresses that redirect to those', () => {
    const renamed = redirect('/programs/residential/', {
      targetType: 'program-level',
      targetDocumentId: 'residential',
    });
    const chained = redirect('/rtc/', { targetType: 'path', targetPath: '/programs/residential' });
    const elsewhere = redirect('/detox/', { targetType: 'program-level', targetDocumentId: 'detox' });
    expect([...pathsGoneWith([RESIDENTIAL], entry, [renamed, chained, elsewhere])].sort()).toEqual(
      ['/programs/residential/', RESIDENTIAL, '/rtc/'].sort(),
    );
  });

  it('keeps a redirect to the entry from a Spanish address while a version it falls back to stays', () => {
    const ES_PAGE = '/es/programs/tratamiento-residencial/';
    const toEntry = { targetType: 'program-level', targetDocumentId: 'residential' };
    const spanishOld = redirect('/es/programs/residencial/', toEntry);
    const englishOld = redirect('/programs/residential/', toEntry);
    // The Spanish version goes: a Spanish address falls back to the English page, which stays.
    const spanishGoes = { ...entry, remainingLocales: new Set(['en'] as const) };
    expect([...pathsGoneWith([ES_PAGE], spanishGoes, [spanishOld, englishOld])]).toEqual([ES_PAGE]);
    // The English version goes: an English address has nowhere to go; a Spanish one has its page.
    const englishGoes = { ...entry, remainingLocales: new Set(['es'] as const) };
    expect([...pathsGoneWith([RESIDENTIAL], englishGoes, [spanishOld, englishOld])].sort()).toEqual(
      ['/programs/residential/', RESIDENTIAL].sort(),
    );
    // Both go.
    expect([...pathsGoneWith([RESIDENTIAL, ES_PAGE], entry, [spanishOld, englishOld])].sort()).toEqual(
      ['/es/programs/residencial/', ES_PAGE, '/programs/residential/', RESIDENTIAL].sort(),
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
