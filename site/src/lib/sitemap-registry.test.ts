import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSitemapRegistry, readSitemapPage, recordSitemapPage, sitemapKey } from './sitemap-registry.ts';

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
