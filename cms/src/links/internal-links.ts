import {
  FAQ_PATH,
  FIXED_PAGES,
  localizedPath,
  ROOT_LOCALE,
  SITE_LOCALES,
  splitLocalePath,
  type SiteLocale,
} from '../redirects/site-paths';
import { normalizeSitePath } from '../redirects/redirect-rules';

/**
 * Every link target in editor Markdown: inline links and images `[t](url "title")`, autolinks
 * `<url>`, reference definitions `[id]: url`, and `href`s of raw HTML. Code spans and fenced
 * code are skipped: a path shown as code is not a link.
 */
export function extractLinkTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  const found: string[] = [];
  for (const match of withoutCode.matchAll(/\]\(\s*<?([^\s)>]+)>?(?:\s+["'(][^)]*)?\)/g)) found.push(match[1] ?? '');
  for (const match of withoutCode.matchAll(/<(https?:\/\/[^\s>]+)>/g)) found.push(match[1] ?? '');
  for (const match of withoutCode.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/gm)) found.push(match[1] ?? '');
  for (const match of withoutCode.matchAll(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    found.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return found.filter(Boolean);
}

/** Slugs of published FAQs by locale: the anchors of that edition's FAQ pages. */
export type FaqAnchors = ReadonlyMap<SiteLocale, ReadonlySet<string>>;

/** What the site will have once this publish is live. */
export interface KnownPaths {
  /** Pages of every edition, as that edition's paths (normalized: `/contact/`, `/es/contact/`). */
  pages: ReadonlySet<string>;
  /** Sources of published 301/302 redirects: a link to one still arrives. */
  redirects: ReadonlySet<string>;
  /** Anchors of `/faq/#slug` (or `/faq/2/#slug`), and of `/es/faq/#slug` in Spanish. */
  faqAnchors: FaqAnchors;
}

/** The fixed pages of every edition plus the given entry pages (each already in its edition). */
export function knownPages(entryPages: Iterable<string>): Set<string> {
  const fixed = SITE_LOCALES.flatMap((locale) => FIXED_PAGES.map((page) => localizedPath(locale, page)));
  return new Set([...fixed, ...entryPages]);
}

/**
 * Whether a page of `locale` links into `edition`: its own, and the root edition's (English),
 * whose links the site points at the same page in `locale` or keeps where there is none. An
 * English page does not link into a translation.
 */
function linksInto(locale: SiteLocale, edition: SiteLocale): boolean {
  return edition === locale || edition === ROOT_LOCALE;
}

/**
 * Whether `#anchor` on an FAQ page of `edition` answers, in Markdown of `locale`. This restates
 * the site's rule for translated Markdown (site/src/lib/localize-links.ts, `localizeHref`): a
 * link to an English FAQ anchor goes to the translated question (or stays English while it has
 * none), so it answers when an English FAQ has the slug; any other English FAQ link is moved to
 * the same anchor on `locale`'s FAQ page, where it answers when an FAQ of `locale` has it. A link
 * into `locale`'s own edition is kept as written.
 */
export function faqAnchorAnswers(
  anchor: string,
  edition: SiteLocale,
  locale: SiteLocale,
  anchors: FaqAnchors,
): boolean {
  if (!linksInto(locale, edition)) return false;
  if (anchors.get(edition)?.has(anchor) === true) return true;
  return edition === ROOT_LOCALE && anchors.get(locale)?.has(anchor) === true;
}

/**
 * Why a link target in Markdown of `locale` is broken, or null when it is fine or not ours to
 * check. Only root-relative links are checked (`/programs/x/`); external, `mailto:`, `tel:` and
 * in-page `#` links pass. A page's Markdown links to pages of its own edition and of the root
 * (English) one: a Spanish body's `/contact/` becomes `/es/contact/` on the site, and an English
 * page with no Spanish version stays linked in English (site/src/lib/localize-links.ts). A link to
 * an FAQ's anchor must name a published FAQ (see `faqAnchorAnswers`); a later FAQ page
 * (`/faq/3/`) counts as the FAQ, since which page shows a question changes as questions are added.
 */
export function describeBrokenLink(href: string, locale: SiteLocale, known: KnownPaths): string | null {
  const trimmed = href.trim();
  if (!trimmed.startsWith('/') || /^[/\\]{2}/.test(trimmed)) return null;
  const anchor = anchorOf(trimmed);
  const path = normalizeSitePath(trimmed);
  if (!path) return `${trimmed} is not a valid path`;
  const { locale: edition, path: rootPath } = splitLocalePath(path);
  const linkable = linksInto(locale, edition);
  if (linkable && isFaqPagePath(rootPath)) {
    if (anchor && !faqAnchorAnswers(anchor, edition, locale, known.faqAnchors)) {
      return `${trimmed} names no published FAQ (#${anchor})`;
    }
    return null;
  }
  if ((linkable && known.pages.has(path)) || known.redirects.has(path)) return null;
  return `${trimmed} matches no page of the site`;
}

/**
 * Whether a normalized root-edition path is one of the FAQ's pages (`/faq/`, `/faq/2/`...), where
 * FAQ anchors live; an edition's FAQ pages are these under its prefix (see `splitLocalePath`).
 */
export function isFaqPagePath(path: string): boolean {
  return path === FAQ_PATH || new RegExp(`^${FAQ_PATH}[1-9][0-9]*/$`).test(path);
}

/** The `#fragment` of a link, percent-decoded; empty when it has none. */
export function anchorOf(href: string): string {
  const hashAt = href.indexOf('#');
  return hashAt === -1 ? '' : decodeSafely(href.slice(hashAt + 1));
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
