/**
 * How the two languages of a page find each other: the language switch, the `hreflang`
 * alternates (in the page and in the sitemap) and the review gate of a translation. Pure: the
 * pages it knows come from `getLanguageMap()` in `site-content.ts`.
 *
 * A page is the same page in both languages when it shows the same thing: the same entry (by
 * Strapi `documentId`, which both locales share) or the same fixed page (home, a list, the
 * FAQ's page n). A missing translation has no page, so its English page has no counterpart.
 */
import { defaultLang, hreflangOf, htmlLangOf, langOfPath, langs, otherLang, type Lang } from '../i18n/lang.ts';
import { routesFor } from './routes.ts';

/** One built page in one language, as the pairing sees it. */
export interface LocalizedPage {
  /**
   * What the page shows, the same in both languages: `program-level:<documentId>`,
   * `page:home`, `faq-page:2`... Two pages with one key are each other's counterpart.
   */
  key: string;
  lang: Lang;
  /** The page's path, slash-terminated (`routesFor(lang)`). */
  path: string;
  /**
   * Whether this version may be indexed: false for a translation nobody has reviewed yet
   * (`translationReviewed`) and for a page never indexed in any language (the search and
   * thank-you pages, an entry's `seo.noindex`).
   */
  indexable: boolean;
  /**
   * Not indexable only because nobody has reviewed this translation yet: the page is still the
   * site's own content, so the site's search offers it. @default false
   */
  awaitingReview?: boolean | undefined;
  /**
   * The editor names another address as this page's canonical (`seo.canonicalUrl`): the page is
   * a duplicate by their own statement. It stays indexable (search engines follow the canonical,
   * not a noindex) and switchable, but takes no part in hreflang pairs, whose URLs must be
   * canonical: neither it nor its counterpart lists alternates. @default false
   */
  canonicalElsewhere?: boolean | undefined;
}

/** One `<link rel="alternate" hreflang href>` (or sitemap `xhtml:link`): `href` is a site path. */
export interface Alternate {
  hreflang: string;
  href: string;
}

/** Everything a page needs to know about its other language. */
export interface PageLanguages {
  /** The page's own language (from its path when the map does not know it). */
  lang: Lang;
  /** The language switch: a plain link to the same page in the other language, or that language's home. */
  switchTo: {
    lang: Lang;
    href: string;
    /** For the link's `hreflang` attribute. */
    hreflang: string;
    /** For the link's `lang` attribute (its text is in that language). */
    htmlLang: string;
    /** False when the page has no counterpart and the link goes to the other language's home. */
    isCounterpart: boolean;
  };
  /**
   * The page's alternates: each language's version and `x-default` (the English), or none
   * unless both versions exist, may be indexed and are their own canonical. Hreflang
   * alternates must be reciprocal, so an unreviewed translation, or a version whose canonical
   * is another address, takes its counterpart's alternates away too.
   */
  alternates: Alternate[];
  /** Keep this page out of search results and the sitemap: see `LocalizedPage.indexable`. */
  noindex: boolean;
  /** The noindex is only an unreviewed translation's: see `LocalizedPage.awaitingReview`. */
  awaitingReview: boolean;
}

/** Every page of both languages, by path and by what it shows. */
export interface LanguageMap {
  byPath: ReadonlyMap<string, LocalizedPage>;
  byKey: ReadonlyMap<string, Partial<Record<Lang, LocalizedPage>>>;
}

/** The `hreflang` of the version search engines show to everyone else: the English. */
export const X_DEFAULT = 'x-default';

/** A path as the map keys it: no query or fragment, a trailing slash. */
export function pageKeyOf(path: string): string {
  const pathname = new URL(path, 'http://pages.invalid').pathname;
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/** Indexes the pages of both languages; a later page with the same path or key replaces an earlier one. */
export function buildLanguageMap(pages: Iterable<LocalizedPage>): LanguageMap {
  const byPath = new Map<string, LocalizedPage>();
  const byKey = new Map<string, Partial<Record<Lang, LocalizedPage>>>();
  for (const page of pages) {
    const normalized = { ...page, path: pageKeyOf(page.path) };
    byPath.set(normalized.path, normalized);
    byKey.set(page.key, { ...byKey.get(page.key), [page.lang]: normalized });
  }
  return { byPath, byKey };
}

/** The same page in `lang` (by default the other language), or undefined when it has none. */
export function counterpartPath(map: LanguageMap, path: string, lang?: Lang): string | undefined {
  const page = map.byPath.get(pageKeyOf(path));
  if (!page) return undefined;
  const target = lang ?? otherLang(page.lang);
  return target === page.lang ? page.path : map.byKey.get(page.key)?.[target]?.path;
}

/**
 * The alternates of a page's key: every language and `x-default`, when all versions exist, may
 * be indexed and are their own canonical (hreflang must name canonical URLs).
 */
function alternatesOf(versions: Partial<Record<Lang, LocalizedPage>> | undefined): Alternate[] {
  const all = langs.map((lang) => versions?.[lang]);
  const pairable = (page: LocalizedPage | undefined): page is LocalizedPage =>
    page?.indexable === true && page.canonicalElsewhere !== true;
  if (!all.every(pairable)) return [];
  const english = versions?.[defaultLang];
  return [
    ...all.map((page) => ({ hreflang: hreflangOf[page.lang], href: page.path })),
    ...(english ? [{ hreflang: X_DEFAULT, href: english.path }] : []),
  ];
}

/**
 * The switch, alternates and index gate of the page at `path`. A page the map does not know
 * (the 404 page) switches to the other language's home, has no alternates and is left to its
 * own `noindex`.
 */
export function pageLanguagesOf(map: LanguageMap, path: string): PageLanguages {
  const page = map.byPath.get(pageKeyOf(path));
  const lang = page?.lang ?? langOfPath(pageKeyOf(path));
  const other = otherLang(lang);
  const counterpart = page ? map.byKey.get(page.key)?.[other] : undefined;
  return {
    lang,
    switchTo: {
      lang: other,
      href: counterpart?.path ?? routesFor(other).home,
      hreflang: hreflangOf[other],
      htmlLang: htmlLangOf[other],
      isCounterpart: counterpart !== undefined,
    },
    alternates: page ? alternatesOf(map.byKey.get(page.key)) : [],
    noindex: page ? !page.indexable : false,
    awaitingReview: page?.awaitingReview === true,
  };
}

/** The alternates with absolute URLs, as `<link rel="alternate">` and the sitemap want them. */
export function absoluteAlternates(alternates: readonly Alternate[], site: string | URL): Alternate[] {
  return alternates.map(({ hreflang, href }) => ({ hreflang, href: new URL(href, site).href }));
}

/**
 * Whether a language version of an entry has been reviewed: English is the source and always
 * is; a translation is once an editor ticks "Translation reviewed".
 */
export function isTranslationReviewed(lang: Lang, entry: { translationReviewed?: boolean | null }): boolean {
  return lang === defaultLang || entry.translationReviewed === true;
}
