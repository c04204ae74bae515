import { describe, expect, it } from 'vitest';
import sitePaths from '@clinic/shared-types/site-paths.json';
import { langs, pathPrefixOf } from '../i18n/lang.ts';
import { isCurrentSection, mainNavigation, navigationFor, routes, routesFor } from './routes.ts';

describe('routes', () => {
  it('builds slash-terminated paths for entries', () => {
    expect(routes.program('intensive-outpatient-program')).toBe('/programs/intensive-outpatient-program/');
    expect(routes.treatment('group-therapy')).toBe('/treatments/group-therapy/');
    expect(routes.condition('co-occurring-disorders')).toBe('/conditions/co-occurring-disorders/');
    expect(routes.faqAnswer('is-virtual-iop-available')).toBe('/faq/#is-virtual-iop-available');
    expect(routes.faqAnswer('is-virtual-iop-available', 3)).toBe('/faq/3/#is-virtual-iop-available');
    expect(routes.faqPage(1)).toBe('/faq/');
  });
  it('escapes characters that would break a path', () => {
    expect(routes.program('a b/c')).toBe('/programs/a%20b%2Fc/');
  });
});

describe('routesFor', () => {
  it('gives English the root paths of `routes`', () => {
    expect(routesFor('en')).toBe(routes);
  });

  it('puts Spanish under /es/ with the same section segments and the Spanish slug', () => {
    const es = routesFor('es');
    expect(es.home).toBe('/es/');
    expect(es.program('desintoxicacion-medica')).toBe('/es/programs/desintoxicacion-medica/');
    expect(es.treatment('terapia-de-grupo')).toBe('/es/treatments/terapia-de-grupo/');
    expect(es.condition('trastorno-por-consumo-de-alcohol')).toBe('/es/conditions/trastorno-por-consumo-de-alcohol/');
    expect(es.faqPage(1)).toBe('/es/faq/');
    expect(es.faqAnswer('que-es', 2)).toBe('/es/faq/2/#que-es');
    expect(es.contactThanks).toBe('/es/contact/thanks/');
    expect(es.requestACall).toBe('/es/contact/#request-a-call');
  });

  it('gives every English fixed path a Spanish one under /es', () => {
    for (const [key, value] of Object.entries(routes)) {
      if (typeof value !== 'string') continue;
      expect(routesFor('es')[key as keyof typeof routes], key).toBe(`/es${value}`);
    }
  });
});

describe('navigationFor', () => {
  it("lists the same sections as the English navigation, with each language's paths", () => {
    expect(navigationFor('en').map((item) => item.href)).toEqual(mainNavigation.map((item) => item.href));
    expect(navigationFor('es')).toContainEqual({ section: 'faq', href: '/es/faq/' });
    for (const lang of langs) expect(navigationFor(lang).map((item) => item.section)).toHaveLength(6);
  });
});

describe('isCurrentSection', () => {
  it('marks the exact page with "page" and a parent section with "true"', () => {
    expect(isCurrentSection('/programs/', '/programs/')).toBe('page');
    expect(isCurrentSection('/programs/', '/programs/iop/')).toBe('true');
    expect(isCurrentSection('/faq/', '/programs/iop/')).toBeUndefined();
  });
  it('never marks home as the section of every page', () => {
    expect(isCurrentSection('/', '/faq/')).toBeUndefined();
    expect(isCurrentSection('/es/', '/es/faq/')).toBeUndefined();
    expect(isCurrentSection('/es/', '/es/')).toBe('page');
  });
  it('marks Spanish sections on Spanish pages only', () => {
    expect(isCurrentSection('/es/programs/', '/es/programs/desintoxicacion-medica/')).toBe('true');
    expect(isCurrentSection('/programs/', '/es/programs/desintoxicacion-medica/')).toBeUndefined();
  });
});

describe('the paths the CMS knows (shared-types/site-paths.json)', () => {
  it('lists pages the site has: each fixed page is a route, the FAQ is the FAQ', () => {
    const routeValues = new Set(Object.values(routes).filter((value) => typeof value === 'string'));
    for (const page of sitePaths.fixedPages) expect(routeValues, page).toContain(page);
    expect(sitePaths.faqPath).toBe(routes.faq);
  });

  it("puts each language's pages where the CMS records its redirects: the same prefix per locale", () => {
    expect(sitePaths.localePathPrefixes).toEqual(pathPrefixOf);
    for (const lang of langs) expect(routesFor(lang).home).toBe(`${sitePaths.localePathPrefixes[lang]}/`);
  });
});
