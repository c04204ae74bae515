import { describe, expect, it } from 'vitest';
import {
  absoluteAlternates,
  buildLanguageMap,
  counterpartPath,
  isTranslationReviewed,
  pageLanguagesOf,
  type LocalizedPage,
} from './alternates.ts';

const page = (key: string, lang: 'en' | 'es', path: string, indexable = true): LocalizedPage => ({
  key,
  lang,
  path,
  indexable,
});
const awaitingReview = (key: string, path: string): LocalizedPage => ({
  ...page(key, 'es', path, false),
  awaitingReview: true,
});

const map = buildLanguageMap([
  page('page:home', 'en', '/'),
  page('page:home', 'es', '/es/', false),
  page('page:programs', 'en', '/programs/'),
  page('page:programs', 'es', '/es/programs/'),
  page('page:search', 'en', '/search/', false),
  page('page:search', 'es', '/es/search/', false),
  // Reviewed translation.
  page('program-level:doc1', 'en', '/programs/medical-detox/'),
  page('program-level:doc1', 'es', '/es/programs/desintoxicacion-medica/'),
  // Translation not reviewed yet.
  page('condition:doc2', 'en', '/conditions/alcohol-use-disorder/'),
  awaitingReview('condition:doc2', '/es/conditions/trastorno-por-consumo-de-alcohol/'),
  // Both versions reviewed, but the English names another address as its canonical.
  { ...page('condition:doc4', 'en', '/conditions/anxiety/'), canonicalElsewhere: true },
  page('condition:doc4', 'es', '/es/conditions/ansiedad/'),
  // No translation.
  page('treatment-modality:doc3', 'en', '/treatments/group-therapy/'),
  page('faq-page:1', 'en', '/faq/'),
  page('faq-page:2', 'en', '/faq/2/'),
  page('faq-page:1', 'es', '/es/faq/'),
]);

describe('counterpartPath', () => {
  it('pairs an entry page with the same document in the other language, both ways', () => {
    expect(counterpartPath(map, '/programs/medical-detox/')).toBe('/es/programs/desintoxicacion-medica/');
    expect(counterpartPath(map, '/es/programs/desintoxicacion-medica/')).toBe('/programs/medical-detox/');
    expect(counterpartPath(map, '/es/programs/desintoxicacion-medica/', 'es')).toBe(
      '/es/programs/desintoxicacion-medica/',
    );
  });

  it('pairs an unreviewed translation too: the switch still reaches it', () => {
    expect(counterpartPath(map, '/conditions/alcohol-use-disorder/')).toBe(
      '/es/conditions/trastorno-por-consumo-de-alcohol/',
    );
  });

  it('has none for a missing translation, an FAQ page the other language lacks, or an unknown path', () => {
    expect(counterpartPath(map, '/treatments/group-therapy/')).toBeUndefined();
    expect(counterpartPath(map, '/faq/2/')).toBeUndefined();
    expect(counterpartPath(map, '/nowhere/')).toBeUndefined();
  });

  it('reads a path without its trailing slash, query or fragment', () => {
    expect(counterpartPath(map, '/programs/medical-detox')).toBe('/es/programs/desintoxicacion-medica/');
    expect(counterpartPath(map, '/programs/?x=1#top')).toBe('/es/programs/');
  });
});

describe('pageLanguagesOf', () => {
  it('gives a reviewed pair reciprocal alternates in both languages, with x-default on the English', () => {
    const english = pageLanguagesOf(map, '/programs/medical-detox/');
    const spanish = pageLanguagesOf(map, '/es/programs/desintoxicacion-medica/');
    const expected = [
      { hreflang: 'en-US', href: '/programs/medical-detox/' },
      { hreflang: 'es-US', href: '/es/programs/desintoxicacion-medica/' },
      { hreflang: 'x-default', href: '/programs/medical-detox/' },
    ];
    expect(english.alternates).toEqual(expected);
    expect(spanish.alternates).toEqual(expected);
    expect(english.noindex).toBe(false);
    expect(spanish.noindex).toBe(false);
  });

  it('keeps an unreviewed translation noindex and out of the alternates of both versions, but switchable', () => {
    const english = pageLanguagesOf(map, '/conditions/alcohol-use-disorder/');
    const spanish = pageLanguagesOf(map, '/es/conditions/trastorno-por-consumo-de-alcohol/');
    expect(english).toMatchObject({ lang: 'en', noindex: false, alternates: [] });
    expect(english.switchTo).toEqual({
      lang: 'es',
      href: '/es/conditions/trastorno-por-consumo-de-alcohol/',
      hreflang: 'es-US',
      htmlLang: 'es',
      isCounterpart: true,
    });
    expect(spanish).toMatchObject({ lang: 'es', noindex: true, awaitingReview: true, alternates: [] });
    expect(english.awaitingReview).toBe(false);
    expect(pageLanguagesOf(map, '/es/search/').awaitingReview).toBe(false);
    expect(spanish.switchTo).toMatchObject({
      lang: 'en',
      href: '/conditions/alcohol-use-disorder/',
      hreflang: 'en-US',
    });
  });

  it('leaves a version whose canonical is another address out of the pairs on both sides, indexable and switchable', () => {
    const english = pageLanguagesOf(map, '/conditions/anxiety/');
    const spanish = pageLanguagesOf(map, '/es/conditions/ansiedad/');
    expect(english).toMatchObject({ noindex: false, alternates: [], switchTo: { href: '/es/conditions/ansiedad/' } });
    expect(spanish).toMatchObject({ noindex: false, alternates: [], switchTo: { href: '/conditions/anxiety/' } });
    // The same pair without the override is paired.
    const paired = buildLanguageMap([
      page('condition:doc4', 'en', '/conditions/anxiety/'),
      page('condition:doc4', 'es', '/es/conditions/ansiedad/'),
    ]);
    expect(pageLanguagesOf(paired, '/es/conditions/ansiedad/').alternates).toHaveLength(3);
  });

  it("switches to the other language's home when the page has no counterpart", () => {
    expect(pageLanguagesOf(map, '/treatments/group-therapy/')).toEqual({
      lang: 'en',
      switchTo: { lang: 'es', href: '/es/', hreflang: 'es-US', htmlLang: 'es', isCounterpart: false },
      alternates: [],
      noindex: false,
      awaitingReview: false,
    });
    expect(pageLanguagesOf(map, '/faq/2/').switchTo.href).toBe('/es/');
  });

  it('follows the facility on the homes and keeps never-indexed pages out of the alternates', () => {
    expect(pageLanguagesOf(map, '/es/').noindex).toBe(true);
    expect(pageLanguagesOf(map, '/').alternates).toEqual([]);
    expect(pageLanguagesOf(map, '/programs/').alternates).toHaveLength(3);
    expect(pageLanguagesOf(map, '/es/search/')).toMatchObject({ noindex: true, alternates: [] });
    expect(pageLanguagesOf(map, '/search/').switchTo.href).toBe('/es/search/');
  });

  it('takes the language of a page it does not know (the 404 page) from its path', () => {
    expect(pageLanguagesOf(map, '/es/404/')).toMatchObject({
      lang: 'es',
      switchTo: { lang: 'en', href: '/', isCounterpart: false },
      alternates: [],
      noindex: false,
    });
  });
});

describe('absoluteAlternates', () => {
  it('resolves the paths on the site', () => {
    expect(absoluteAlternates([{ hreflang: 'es-US', href: '/es/' }], 'https://www.example.org')).toEqual([
      { hreflang: 'es-US', href: 'https://www.example.org/es/' },
    ]);
  });
});

describe('isTranslationReviewed', () => {
  it('counts English as reviewed and a translation only once ticked', () => {
    expect(isTranslationReviewed('en', { translationReviewed: false })).toBe(true);
    expect(isTranslationReviewed('es', { translationReviewed: true })).toBe(true);
    expect(isTranslationReviewed('es', { translationReviewed: false })).toBe(false);
    expect(isTranslationReviewed('es', { translationReviewed: null })).toBe(false);
  });
});
