import { describe, expect, it } from 'vitest';
import { buildBreadcrumbs } from './breadcrumbs.ts';

describe('buildBreadcrumbs', () => {
  it('starts every trail at home', () => {
    expect(buildBreadcrumbs('en', { name: 'FAQ', path: '/faq/' })).toEqual([
      { name: 'Home', path: '/' },
      { name: 'FAQ', path: '/faq/' },
    ]);
  });
  it('is just home on the home page, without repeating it', () => {
    expect(buildBreadcrumbs('en')).toEqual([{ name: 'Home', path: '/' }]);
    expect(buildBreadcrumbs('en', { name: 'Start', path: '/' })).toEqual([{ name: 'Home', path: '/' }]);
  });
  it('keeps the order of deeper trails', () => {
    const trail = buildBreadcrumbs(
      'en',
      { name: 'Programs', path: '/programs/' },
      { name: 'IOP', path: '/programs/iop/' },
    );
    expect(trail.map((c) => c.name)).toEqual(['Home', 'Programs', 'IOP']);
  });
  it('starts a Spanish trail at the Spanish home', () => {
    expect(
      buildBreadcrumbs('es', { name: 'Inicio', path: '/es/' }, { name: 'Preguntas frecuentes', path: '/es/faq/' }),
    ).toEqual([
      { name: 'Inicio', path: '/es/' },
      { name: 'Preguntas frecuentes', path: '/es/faq/' },
    ]);
  });
});
