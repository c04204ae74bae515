import { describe, expect, it } from 'vitest';
import { buildLanguageMap, type LocalizedPage } from './alternates.ts';
import { localizeHref, type LinkSources } from './localize-links.ts';

const page = (key: string, lang: 'en' | 'es', path: string): LocalizedPage => ({ key, lang, path, indexable: true });

const sources: LinkSources = {
  languageMap: buildLanguageMap([
    page('page:programs', 'en', '/programs/'),
    page('page:programs', 'es', '/es/programs/'),
    page('page:contact', 'en', '/contact/'),
    page('page:contact', 'es', '/es/contact/'),
    page('program-level:doc1', 'en', '/programs/medical-detox/'),
    page('program-level:doc1', 'es', '/es/programs/desintoxicacion-medica/'),
    page('treatment-modality:doc3', 'en', '/treatments/group-therapy/'),
    page('faq-page:1', 'en', '/faq/'),
    page('faq-page:1', 'es', '/es/faq/'),
  ]),
  faqAnswers: new Map([
    ['how-long-does-medical-detox-take', '/es/faq/#cuanto-dura-la-desintoxicacion-medica'],
    ['an-untranslated-question', undefined],
  ]),
};

const es = (href: string) => localizeHref(href, 'es', sources);

describe('localizeHref', () => {
  it("points an entry's English page at its Spanish counterpart, by documentId", () => {
    expect(es('/programs/medical-detox/')).toBe('/es/programs/desintoxicacion-medica/');
    expect(es('/programs/medical-detox')).toBe('/es/programs/desintoxicacion-medica/');
  });

  it('points fixed pages at their Spanish paths, keeping the fragment and query', () => {
    expect(es('/programs/')).toBe('/es/programs/');
    expect(es('/contact/#request-a-call')).toBe('/es/contact/#request-a-call');
    expect(es('/programs/?view=all')).toBe('/es/programs/?view=all');
  });

  it("sends an FAQ answer's link to the translated question", () => {
    expect(es('/faq/#how-long-does-medical-detox-take')).toBe('/es/faq/#cuanto-dura-la-desintoxicacion-medica');
    expect(es('/faq/#topic-about-iop')).toBe('/es/faq/#topic-about-iop');
    expect(es('/faq/')).toBe('/es/faq/');
  });

  it('keeps the English link where there is no Spanish page', () => {
    expect(es('/treatments/group-therapy/')).toBe('/treatments/group-therapy/');
    expect(es('/faq/#an-untranslated-question')).toBe('/faq/#an-untranslated-question');
    expect(es('/unknown/')).toBe('/unknown/');
  });

  it('leaves external, protocol-relative, phone, fragment-only and Spanish links alone', () => {
    for (const href of [
      'https://www.samhsa.gov/find-help/988',
      '//evil.example/programs/',
      'tel:+19496948305',
      'mailto:admissions@example.org',
      '#section',
      '/es/programs/',
      'programs/',
    ]) {
      expect(es(href)).toBe(href);
    }
  });

  it('changes nothing on an English page', () => {
    expect(localizeHref('/programs/medical-detox/', 'en', sources)).toBe('/programs/medical-detox/');
  });
});
