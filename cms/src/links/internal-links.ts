import { FAQ_PATH, FIXED_PAGES } from '../redirects/site-paths';
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

/** What the site will have once this publish is live. */
export interface KnownPaths {
  /** Pages (normalized paths, with a trailing slash). */
  pages: ReadonlySet<string>;
  /** Sources of published 301/302 redirects: a link to one still arrives. */
  redirects: ReadonlySet<string>;
  /** Slugs of published FAQs: anchors of `/faq/#slug` (or `/faq/2/#slug`). */
  faqAnchors: ReadonlySet<string>;
}

/** The fixed pages plus the given entry pages. */
export function knownPages(entryPaths: Iterable<string>): Set<string> {
  return new Set([...FIXED_PAGES, ...entryPaths]);
}

/**
 * Why a link target is broken, or null when it is fine or not ours to check. Only root-relative
 * links are checked (`/programs/x/`); external, `mailto:`, `tel:` and in-page `#` links pass.
 * A link to an FAQ's anchor must name a published FAQ; a later FAQ page (`/faq/3/`) counts as
 * the FAQ, since which page shows a question changes as questions are added.
 */
export function describeBrokenLink(href: string, known: KnownPaths): string | null {
  const trimmed = href.trim();
  if (!trimmed.startsWith('/') || /^[/\\]{2}/.test(trimmed)) return null;
  const anchor = anchorOf(trimmed);
  const path = normalizeSitePath(trimmed);
  if (!path) return `${trimmed} is not a valid path`;
  if (isFaqPagePath(path)) {
    if (anchor && !known.faqAnchors.has(anchor)) return `${trimmed} names no published FAQ (#${anchor})`;
    return null;
  }
  if (known.pages.has(path) || known.redirects.has(path)) return null;
  return `${trimmed} matches no page of the site`;
}

/** Whether a normalized path is one of the FAQ's pages (`/faq/`, `/faq/2/`...), where FAQ anchors live. */
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
