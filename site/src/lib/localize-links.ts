/**
 * Internal links in translated Markdown point at the English pages (`/programs/medical-detox/`,
 * `/faq/#slug`, `/contact/`): translators keep the English copy's link targets, and the CMS
 * checks them against English slugs. On a page of another language each one is rewritten here
 * to the same page in that language: an entry's page through the `documentId` pairing, a fixed
 * page through `routesFor`, an FAQ answer to where the translated question is. A page with no
 * counterpart keeps its English link.
 */
import { defaultLang, langOfPath, type Lang } from '../i18n/lang.ts';
import { counterpartPath, pageKeyOf, type LanguageMap } from './alternates.ts';

/** What the rewriting reads: every page of both languages, and where each FAQ answer is in `lang`. */
export interface LinkSources {
  languageMap: LanguageMap;
  /**
   * By English FAQ slug: the answer's link in the target language (`/es/faq/#que-es-un-iop`),
   * or undefined for a question with no translation (its link stays English).
   */
  faqAnswers: ReadonlyMap<string, string | undefined>;
}

/** Splits `/path/?q#hash` into its parts; the path keeps its own encoding. */
function splitHref(href: string): { path: string; search: string; hash: string } {
  const hashAt = href.indexOf('#');
  const beforeHash = hashAt === -1 ? href : href.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : href.slice(hashAt);
  const searchAt = beforeHash.indexOf('?');
  return searchAt === -1
    ? { path: beforeHash, search: '', hash }
    : { path: beforeHash.slice(0, searchAt), search: beforeHash.slice(searchAt), hash };
}

function decodeFragment(hash: string): string | undefined {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return undefined;
  }
}

/**
 * The link `href` as a page in `lang` should have it: an English site path with a counterpart
 * in `lang` becomes that counterpart (its query and fragment kept, an FAQ answer's fragment
 * following the question), anything else (external, `tel:`, `#anchor`, a path already in
 * `lang`, an English page with no counterpart) is returned as is.
 */
export function localizeHref(href: string, lang: Lang, { languageMap, faqAnswers }: LinkSources): string {
  const trimmed = href.trim();
  if (lang === defaultLang || !trimmed.startsWith('/') || /^[/\\]{2}/.test(trimmed)) return href;
  const { path, search, hash } = splitHref(trimmed);
  let key: string;
  try {
    key = pageKeyOf(path);
  } catch {
    return href;
  }
  const page = languageMap.byPath.get(key);
  if (!page || page.lang !== defaultLang || langOfPath(key) === lang) return href;
  if (page.key.startsWith('faq-page:') && hash) {
    const slug = decodeFragment(hash);
    if (slug !== undefined && faqAnswers.has(slug)) return faqAnswers.get(slug) ?? href;
  }
  const counterpart = counterpartPath(languageMap, key, lang);
  return counterpart ? `${counterpart}${search}${hash}` : href;
}
