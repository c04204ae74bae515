import sitePaths from '@clinic/shared-types/site-paths.json';

/** The content types whose entries have a page of their own, by model name (`program-level`). */
export type EntryModel = keyof typeof sitePaths.entryPathPrefixes;

export const ENTRY_MODELS = Object.keys(sitePaths.entryPathPrefixes) as EntryModel[];

/** The uid of an entry model: `api::program-level.program-level`. */
export function entryUid(model: EntryModel): string {
  return `api::${model}.${model}`;
}

/** The model of a uid that has pages, or undefined. */
export function entryModelOf(uid: string): EntryModel | undefined {
  return ENTRY_MODELS.find((model) => entryUid(model) === uid);
}

/** The page of an entry, as the site builds it (site/src/lib/routes.ts reads the same JSON). */
export function entryPath(model: EntryModel, slug: string): string {
  return `${sitePaths.entryPathPrefixes[model]}${encodeURIComponent(slug)}/`;
}

/** The site's pages that no entry makes: home, the indexes, compare, FAQ, contact. */
export const FIXED_PAGES: readonly string[] = sitePaths.fixedPages;

/** The FAQ's first page; its later pages are `/faq/2/`, `/faq/3/`... */
export const FAQ_PATH = sitePaths.faqPath;

/** A Strapi locale the site has an edition in: `en` at the root, `es` under `/es`. */
export type SiteLocale = keyof typeof sitePaths.localePathPrefixes;

const LOCALE_PATH_PREFIXES: Record<SiteLocale, string> = sitePaths.localePathPrefixes;

/** The site's locales, the root edition (English) first. */
export const SITE_LOCALES = (Object.keys(LOCALE_PATH_PREFIXES) as SiteLocale[]).sort(
  (a, b) => LOCALE_PATH_PREFIXES[a].length - LOCALE_PATH_PREFIXES[b].length,
);

/** The locale whose edition is at the root, and whose version a redirect falls back to. */
export const ROOT_LOCALE: SiteLocale = SITE_LOCALES[0] ?? 'en';

export function isSiteLocale(locale: unknown): locale is SiteLocale {
  return typeof locale === 'string' && Object.hasOwn(LOCALE_PATH_PREFIXES, locale);
}

/**
 * The edition a stored version is shown in: its locale, or the root edition's for a type without
 * i18n (its rows have no locale). Undefined for a locale the site has no edition in.
 */
export function siteLocaleOf(doc: Record<string, unknown>): SiteLocale | undefined {
  const locale = doc.locale ?? ROOT_LOCALE;
  return isSiteLocale(locale) ? locale : undefined;
}

/** A root-edition path in `locale`'s edition: `/programs/x/` in `es` is `/es/programs/x/`. */
export function localizedPath(locale: SiteLocale, path: string): string {
  return `${LOCALE_PATH_PREFIXES[locale]}${path}`;
}

/**
 * The edition a normalized site path is in, and the path as the root edition has it:
 * `/es/faq/` is `es` and `/faq/`, `/es/` is `es` and `/`, `/faq/` is `en` and `/faq/`.
 */
export function splitLocalePath(path: string): { locale: SiteLocale; path: string } {
  for (const locale of SITE_LOCALES) {
    const prefix = LOCALE_PATH_PREFIXES[locale];
    if (prefix !== '' && path.startsWith(`${prefix}/`)) return { locale, path: path.slice(prefix.length) };
  }
  return { locale: ROOT_LOCALE, path };
}

/** Whether a normalized path is a fixed page of any edition (`/contact/`, `/es/contact/`, `/es/`). */
export function isFixedPage(path: string): boolean {
  return FIXED_PAGES.includes(splitLocalePath(path).path);
}
