import { describe, expect, it } from 'vitest';
import {
  absoluteMediaUrl,
  buildCanonicalUrl,
  buildPageDescription,
  buildPageTitle,
  DESCRIPTION_MAX,
  isCanonicalElsewhere,
  TITLE_MAX,
  truncateText,
} from './page-meta.ts';

describe('truncateText', () => {
  it('leaves short text alone, apart from whitespace', () => {
    expect(truncateText('  Calm,\n  fast pages ', 60)).toBe('Calm, fast pages');
  });
  it('cuts at a word boundary and ends with an ellipsis within the limit', () => {
    const out = truncateText('Supervised medical detox and inpatient rehab in Laguna Beach', 30);
    expect(out.length).toBeLessThanOrEqual(30);
    expect(out).toBe('Supervised medical detox and\u2026');
  });
  it('drops punctuation left before the ellipsis', () => {
    expect(truncateText('One two three, four five six seven', 16)).toBe('One two three\u2026');
  });
  it('cuts a single long word rather than returning nothing', () => {
    const out = truncateText('a'.repeat(100), 10);
    expect(out).toBe(`${'a'.repeat(9)}\u2026`);
  });
});

describe('buildPageTitle', () => {
  it('uses the SEO title as is when set', () => {
    expect(
      buildPageTitle({
        seo: { metaTitle: 'IOP | California Detox' },
        name: 'Intensive outpatient program',
        siteName: 'California Detox',
      }),
    ).toBe('IOP | California Detox');
  });
  it('falls back to "Name | Site"', () => {
    expect(buildPageTitle({ seo: null, name: 'Family therapy', siteName: 'California Detox' })).toBe(
      'Family therapy | California Detox',
    );
  });
  it('falls back to the name when an empty SEO title is given', () => {
    expect(buildPageTitle({ seo: { metaTitle: '' }, name: 'FAQ', siteName: 'California Detox' })).toBe(
      'FAQ | California Detox',
    );
  });
  it('drops the site name when the pair would be too long, and never exceeds 60 characters', () => {
    const name = 'Medically managed residential treatment for adults';
    const title = buildPageTitle({ seo: null, name, siteName: 'California Detox' });
    expect(title).toBe(name);
    const long = buildPageTitle({ seo: null, name: 'word '.repeat(30), siteName: 'Site' });
    expect(long.length).toBeLessThanOrEqual(TITLE_MAX);
  });
  it('does not repeat the site name on the home page', () => {
    expect(buildPageTitle({ seo: null, name: 'California Detox', siteName: 'California Detox' })).toBe(
      'California Detox',
    );
  });
});

describe('buildPageDescription', () => {
  it('takes the first non-empty candidate', () => {
    expect(buildPageDescription(null, '', '  The summary.  ', 'The default.')).toBe('The summary.');
  });
  it('keeps the description within 160 characters', () => {
    const out = buildPageDescription('word '.repeat(60));
    expect(out.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(out.endsWith('\u2026')).toBe(true);
  });
  it('returns an empty string when nothing is given', () => {
    expect(buildPageDescription(undefined, null)).toBe('');
  });
});

describe('buildCanonicalUrl', () => {
  it('joins the path to the site origin', () => {
    expect(buildCanonicalUrl('https://example.org', '/programs/iop/')).toBe('https://example.org/programs/iop/');
  });
  it('prefers the editor override', () => {
    expect(buildCanonicalUrl('https://example.org', '/a/', 'https://other.example/b/')).toBe(
      'https://other.example/b/',
    );
  });
  it('ignores an empty override', () => {
    expect(buildCanonicalUrl(new URL('https://example.org'), '/a/', '')).toBe('https://example.org/a/');
  });
});

describe('isCanonicalElsewhere', () => {
  it('is true when the override names another address, on this site or another', () => {
    expect(isCanonicalElsewhere('https://example.org', '/a/', 'https://other.example/b/')).toBe(true);
    expect(isCanonicalElsewhere('https://example.org', '/a/', 'https://example.org/b/')).toBe(true);
  });
  it("is false without an override, or with the page's own URL", () => {
    expect(isCanonicalElsewhere('https://example.org', '/a/', null)).toBe(false);
    expect(isCanonicalElsewhere('https://example.org', '/a/', '')).toBe(false);
    expect(isCanonicalElsewhere(new URL('https://example.org'), '/a/', 'https://EXAMPLE.org/a/')).toBe(false);
  });
});

describe('absoluteMediaUrl', () => {
  it('resolves an upload path against the media origin and keeps absolute URLs', () => {
    expect(absoluteMediaUrl('/uploads/og.jpg', 'https://cms.example.org')).toBe(
      'https://cms.example.org/uploads/og.jpg',
    );
    expect(absoluteMediaUrl('https://cdn.example.org/og.jpg', 'https://cms.example.org')).toBe(
      'https://cdn.example.org/og.jpg',
    );
  });
});
