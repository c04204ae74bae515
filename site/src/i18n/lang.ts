/**
 * The site's two languages. English lives at the root, Spanish under `/es/`; everything that
 * differs by language (UI strings, paths, locale formatting, hreflang) starts from `Lang`.
 */
export const langs = ['en', 'es'] as const;

export type Lang = (typeof langs)[number];

export const defaultLang: Lang = 'en';

/** The Strapi locale code a language's content is stored under. */
export const cmsLocaleOf: Record<Lang, string> = { en: 'en', es: 'es' };

/** `<html lang>` and the `lang` attribute of a link to the other language. */
export const htmlLangOf: Record<Lang, string> = { en: 'en', es: 'es' };

/** `hreflang` of alternates: the clinic serves the United States in both languages. */
export const hreflangOf: Record<Lang, string> = { en: 'en-US', es: 'es-US' };

/** The BCP 47 tag `Intl` formats dates and numbers with. */
export const intlLocaleOf: Record<Lang, string> = { en: 'en-US', es: 'es-US' };

/** Path prefix of a language's pages: '' for English, '/es' for Spanish. */
export const pathPrefixOf: Record<Lang, string> = { en: '', es: '/es' };

/** The other language, for the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'es' : 'en';
}

/** The language of a site path: `/es/` and everything under it is Spanish. */
export function langOfPath(pathname: string): Lang {
  return pathname === '/es' || pathname.startsWith('/es/') ? 'es' : 'en';
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (langs as readonly string[]).includes(value);
}
