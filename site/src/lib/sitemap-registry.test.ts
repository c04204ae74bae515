import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearSitemapRegistry,
  isListedInSitemap,
  readSitemapPage,
  recordSitemapPage,
  sitemapItemOf,
  sitemapKey,
} from './sitemap-registry.ts';

beforeEach(() => clearSitemapRegistry());

describe('sitemap registry', () => {
  it('finds a page recorded by path when asked by absolute URL', () => {
    recordSitemapPage('/programs/iop/', { lastmod: '2026-11-27T21:18:20.827Z', noindex: false });
    expect(readSitemapPage('https://www.example.org/programs/iop/')).toEqual({
      lastmod: '2026-11-27T21:18:20.827Z',
      noindex: false,
    });
  });

  it('treats paths with and without a trailing slash as the same page', () => {
    recordSitemapPage('/faq', { noindex: true });
    expect(readSitemapPage('/faq/')).toEqual({ noindex: true });
    expect(sitemapKey('https://x.example/a/b?c=1#d')).toBe('/a/b/');
  });

  it('is shared through globalThis, so separately bundled copies of this module see the same record', async () => {
    recordSitemapPage('/', { noindex: false, lastmod: '2026-01-01T00:00:00.000Z' });
    vi.resetModules();
    const copy = await import('./sitemap-registry.ts');
    expect(copy.recordSitemapPage).not.toBe(recordSitemapPage);
    expect(copy.readSitemapPage('/')).toEqual({ noindex: false, lastmod: '2026-01-01T00:00:00.000Z' });
  });

  it('knows nothing about unrecorded pages', () => {
    expect(readSitemapPage('/nowhere/')).toBeUndefined();
  });
});

describe('isListedInSitemap', () => {
  it('lists a page that may be indexed and is its own canonical, and a page that recorded nothing', () => {
    expect(isListedInSitemap({ noindex: false })).toBe(true);
    expect(isListedInSitemap({ noindex: false, canonicalElsewhere: false })).toBe(true);
    expect(isListedInSitemap(undefined)).toBe(true);
  });

  it('leaves out a noindex page, and a page whose canonical is another address though it is not noindex', () => {
    expect(isListedInSitemap({ noindex: true })).toBe(false);
    expect(isListedInSitemap({ noindex: false, canonicalElsewhere: true })).toBe(false);
  });
});

describe('sitemapItemOf', () => {
  const item = { url: 'https://www.example.org/programs/medical-detox/' };

  it('adds the lastmod a page recorded, and leaves a page without facts as it came', () => {
    expect(sitemapItemOf(item, { noindex: false, lastmod: '2026-12-01T00:00:00.000Z' })).toEqual({
      ...item,
      lastmod: '2026-12-01T00:00:00.000Z',
    });
    expect(sitemapItemOf(item, undefined)).toEqual(item);
    expect(sitemapItemOf(item, { noindex: false, alternates: [] })).toEqual(item);
  });

  it("writes a page's alternates as xhtml:link items with absolute URLs, x-default included", () => {
    recordSitemapPage('/programs/medical-detox/', {
      noindex: false,
      alternates: [
        { hreflang: 'en-US', href: '/programs/medical-detox/' },
        { hreflang: 'es-US', href: '/es/programs/desintoxicacion-medica/' },
        { hreflang: 'x-default', href: 'https://www.example.org/programs/medical-detox/' },
      ],
    });

    expect(sitemapItemOf(item, readSitemapPage(item.url))).toEqual({
      ...item,
      links: [
        { lang: 'en-US', url: 'https://www.example.org/programs/medical-detox/' },
        { lang: 'es-US', url: 'https://www.example.org/es/programs/desintoxicacion-medica/' },
        { lang: 'x-default', url: 'https://www.example.org/programs/medical-detox/' },
      ],
    });
  });
});
