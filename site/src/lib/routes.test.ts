import { describe, expect, it } from 'vitest';
import sitePaths from '@clinic/shared-types/site-paths.json';
import { isCurrentSection, routes } from './routes.ts';

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

describe('isCurrentSection', () => {
  it('marks the exact page with "page" and a parent section with "true"', () => {
    expect(isCurrentSection('/programs/', '/programs/')).toBe('page');
    expect(isCurrentSection('/programs/', '/programs/iop/')).toBe('true');
    expect(isCurrentSection('/faq/', '/programs/iop/')).toBeUndefined();
  });
  it('never marks home as the section of every page', () => {
    expect(isCurrentSection('/', '/faq/')).toBeUndefined();
  });
});

describe('the paths the CMS knows (shared-types/site-paths.json)', () => {
  it('lists pages the site has: each fixed page is a route, the FAQ is the FAQ', () => {
    const routeValues = new Set(Object.values(routes).filter((value) => typeof value === 'string'));
    for (const page of sitePaths.fixedPages) expect(routeValues, page).toContain(page);
    expect(sitePaths.faqPath).toBe(routes.faq);
  });
});
