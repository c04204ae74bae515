import { describe, expect, it } from 'vitest';
import { appendBracketParams, buildRequestUrl } from './strapi-client.ts';

describe('appendBracketParams', () => {
  it('flattens a nested populate into the bracket keys Strapi parses', () => {
    const params = new URLSearchParams();
    appendBracketParams(params, 'populate', { schedule: true, seo: { populate: { socialImage: true } } });
    expect([...params]).toEqual([
      ['populate[schedule]', 'true'],
      ['populate[seo][populate][socialImage]', 'true'],
    ]);
  });
});

describe('buildRequestUrl', () => {
  it('keeps a path prefix of CMS_URL, with or without a trailing slash', () => {
    for (const base of ['https://example.org/cms', 'https://example.org/cms/']) {
      expect(buildRequestUrl(base, 'faqs', {}).pathname).toBe('/cms/api/faqs');
    }
  });

  it('asks collections for a page in a stable order, and single types for no page', () => {
    const page = buildRequestUrl(
      'http://localhost:1337',
      'faqs',
      { sources: true },
      { page: 2, pageSize: 100 },
    ).searchParams;
    expect(Object.fromEntries(page)).toEqual({
      'populate[sources]': 'true',
      status: 'published',
      'pagination[page]': '2',
      'pagination[pageSize]': '100',
      'sort[0]': 'id:asc',
    });
    const single = buildRequestUrl('http://localhost:1337', 'facility', { address: true }).searchParams;
    expect(Object.fromEntries(single)).toEqual({ 'populate[address]': 'true', status: 'published' });
  });

  it('asks for a locale only when given one', () => {
    const spanish = buildRequestUrl('http://localhost:1337', 'faqs', {}, { page: 1, pageSize: 100 }, 'es');
    expect(spanish.searchParams.get('locale')).toBe('es');
    expect(buildRequestUrl('http://localhost:1337', 'redirects', {}).searchParams.has('locale')).toBe(false);
  });
});
