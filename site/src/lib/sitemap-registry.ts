import type { SitemapItem } from '@astrojs/sitemap';
import { replayable } from './page-memo.ts';

/**
 * What the sitemap needs to know about each built page that only the page knows: when its
 * content last changed, whether it may be indexed, and its versions in other languages.
 *
 * Pages record themselves while Astro renders them; `@astrojs/sitemap` reads the record in
 * `astro:build:done` (see astro.config.mjs). Astro prerenders pages in the build's own
 * process, but the config and the pages are bundled separately, so the record lives on
 * `globalThis` under a registered symbol rather than in this module's scope.
 */
export interface SitemapPageFacts {
  /** ISO timestamp of the latest change to the content the page shows. */
  lastmod?: string | undefined;
  /** Left out of the sitemap (the page also carries a `noindex` robots meta). */
  noindex: boolean;
  /**
   * The page's canonical is another address (`seo.canonicalUrl`): left out of the sitemap, which
   * lists canonical URLs only, though the page is not `noindex`. @default false
   */
  canonicalElsewhere?: boolean | undefined;
  /**
   * The page's `hreflang` alternates, the same pairs as its `<link rel="alternate">`: every
   * language's version and `x-default` (see `pageLanguagesOf` in `alternates.ts`). `href` is a
   * site path or an absolute URL.
   */
  alternates?: readonly { hreflang: string; href: string }[] | undefined;
}

const REGISTRY_KEY = Symbol.for('@clinic/site:sitemap-registry');

type Registry = Map<string, SitemapPageFacts>;

function registry(): Registry {
  const holder = globalThis as { [REGISTRY_KEY]?: Registry };
  holder[REGISTRY_KEY] ??= new Map();
  return holder[REGISTRY_KEY];
}

/** Normalizes a path or URL to the registry's key: the pathname with a trailing slash. */
export function sitemapKey(pathOrUrl: string): string {
  const pathname = new URL(pathOrUrl, 'http://registry.invalid').pathname;
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/** Called by the layout for every page it renders. */
function recordSitemapPageNow(pathname: string, facts: SitemapPageFacts): void {
  registry().set(sitemapKey(pathname), facts);
}

/** Recorded for the page memo (`replayable`): a page reused in a later build records itself again. */
export const recordSitemapPage = replayable('sitemap-registry:recordSitemapPage', recordSitemapPageNow);

/** The facts a page recorded, or undefined when it recorded none. */
export function readSitemapPage(pathOrUrl: string): SitemapPageFacts | undefined {
  return registry().get(sitemapKey(pathOrUrl));
}

/** Forgets every page: each build starts empty (and tests start clean). */
export function clearSitemapRegistry(): void {
  registry().clear();
}

/**
 * Whether the sitemap lists a page: only its own canonical URL that may be indexed. A page that
 * recorded nothing is listed (the sitemap integration already leaves out the 404 page).
 */
export function isListedInSitemap(facts: SitemapPageFacts | undefined): boolean {
  return facts?.noindex !== true && facts?.canonicalElsewhere !== true;
}

/**
 * A sitemap entry with what its page recorded: `lastmod`, and each alternate as an
 * `<xhtml:link rel="alternate" hreflang href>` with an absolute URL (`links`, as
 * @astrojs/sitemap writes them). An entry without facts is returned as it came.
 */
export function sitemapItemOf(item: SitemapItem, facts: SitemapPageFacts | undefined): SitemapItem {
  const lastmod = facts?.lastmod;
  const alternates = facts?.alternates ?? [];
  return {
    ...item,
    ...(lastmod ? { lastmod } : {}),
    ...(alternates.length > 0
      ? { links: alternates.map(({ hreflang, href }) => ({ lang: hreflang, url: new URL(href, item.url).href })) }
      : {}),
  };
}
