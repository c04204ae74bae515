import type { Seo } from '@clinic/shared-types';

/** Search engines cut titles at about 60 characters and descriptions at about 160. */
export const TITLE_MAX = 60;
export const DESCRIPTION_MAX = 160;

const ELLIPSIS = '\u2026';

/** Collapses runs of whitespace and trims: CMS text can carry line breaks. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Shortens text to at most `max` characters (ellipsis included), cutting at the last word
 * boundary so no word is split, and dropping punctuation left dangling before the ellipsis.
 */
export function truncateText(text: string, max: number): string {
  const clean = normalizeWhitespace(text);
  if (clean.length <= max) return clean;
  const room = clean.slice(0, Math.max(0, max - ELLIPSIS.length));
  const lastSpace = room.lastIndexOf(' ');
  // A single very long word: cut it rather than return nothing.
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.\-\u2013\u2014|(]+$/, '')}${ELLIPSIS}`;
}

export interface TitleInput {
  /** The editor's SEO title, used as is when present. */
  seo?: Pick<Seo, 'metaTitle'> | null | undefined;
  /** The page's own name, e.g. "Intensive outpatient program". */
  name: string;
  /** Appended after a separator when there is room, e.g. "California Detox". */
  siteName: string;
}

/**
 * The `<title>`: the SEO title when set, otherwise "Name | Site", otherwise the name alone
 * when the pair does not fit, always at most 60 characters.
 */
export function buildPageTitle({ seo, name, siteName }: TitleInput): string {
  const custom = seo?.metaTitle ? normalizeWhitespace(seo.metaTitle) : '';
  if (custom) return truncateText(custom, TITLE_MAX);
  const cleanName = normalizeWhitespace(name);
  if (!siteName || cleanName === siteName) return truncateText(cleanName, TITLE_MAX);
  const withSite = `${cleanName} | ${siteName}`;
  return withSite.length <= TITLE_MAX ? withSite : truncateText(cleanName, TITLE_MAX);
}

/**
 * The meta description: the first non-empty of the SEO description, the page's summary and
 * the site default, at most 160 characters.
 */
export function buildPageDescription(...candidates: (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    const clean = candidate ? normalizeWhitespace(candidate) : '';
    if (clean) return truncateText(clean, DESCRIPTION_MAX);
  }
  return '';
}

/**
 * The canonical URL of a page: the editor's override when set (it points elsewhere on
 * purpose), otherwise the page's path on the site's origin.
 */
export function buildCanonicalUrl(site: URL | string, pathname: string, override?: string | null): string {
  if (override) return override;
  return new URL(pathname, site).href;
}

/**
 * Whether the editor's canonical override names another address than the page's own: the page
 * is then a duplicate, kept out of hreflang pairs and the sitemap. An override that is the
 * page's own URL (however its host is cased) names no other address.
 */
export function isCanonicalElsewhere(site: URL | string, pathname: string, override?: string | null): boolean {
  if (!override) return false;
  const normalized = URL.canParse(override) ? new URL(override).href : override;
  return normalized !== new URL(pathname, site).href;
}

/**
 * An absolute URL for a media file: Strapi returns uploads as paths ("/uploads/x.jpg") on
 * its own origin, or as absolute URLs when a provider stores them elsewhere.
 */
export function absoluteMediaUrl(url: string, mediaOrigin: string | URL): string {
  return new URL(url, mediaOrigin).href;
}
