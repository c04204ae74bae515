import { fieldLabel } from '../bootstrap/field-label';
import { normalizeSitePath } from '../redirects/redirect-rules';
import { ROOT_LOCALE, splitLocalePath, type SiteLocale } from '../redirects/site-paths';
import type { LinkingEntry } from './incoming-links-response';
import { anchorOf, extractLinkTargets, faqAnchorAnswers, isFaqPagePath, type FaqAnchors } from './internal-links';

/** What stops answering when an entry leaves the site (or an FAQ changes its slug), as links name it. */
export interface GoneTarget {
  /**
   * Normalized paths, each in its edition: the page of each version that goes, and old addresses
   * that redirect to it. A link names one of these as written in every language: a Spanish
   * body's `/programs/x/` reaches the Spanish page only through the English one (the site keeps
   * the link as written when `/programs/x/` is no page).
   */
  paths: ReadonlySet<string>;
  /**
   * The FAQ anchors of every edition before and after: a link to an anchor that answered and no
   * longer does (see `faqAnchorAnswers`) breaks.
   */
  faqAnchors?: { before: FaqAnchors; after: FaqAnchors };
}

/** One published FAQ version's anchor: its slug on its edition's FAQ pages. */
export interface FaqAnchor {
  documentId: string;
  locale: SiteLocale;
  slug: string;
}

/** The anchors of each edition's FAQ pages. */
export function faqAnchorsOf(faqs: Iterable<FaqAnchor>): Map<SiteLocale, Set<string>> {
  const anchors = new Map<SiteLocale, Set<string>>();
  for (const { locale, slug } of faqs) {
    const slugs = anchors.get(locale) ?? new Set<string>();
    slugs.add(slug);
    anchors.set(locale, slugs);
  }
  return anchors;
}

/** A published redirect's fields, as stored (and whatever else was read with them). */
export interface RedirectRow {
  [field: string]: unknown;
  fromPath?: unknown;
  httpStatus?: unknown;
  targetType?: unknown;
  targetDocumentId?: unknown;
  targetPath?: unknown;
}

/**
 * The addresses that stop working when versions of an entry go, given the published redirects:
 * each version's page (in its edition), unless a redirect from the page still leads somewhere;
 * and every old address that redirects to the entry (a slug change records one) once the
 * version it leads to is gone: the site sends a redirect from under `/es/` to the entry's Spanish
 * page, else its English page, and any other to the English page, and drops one whose target is
 * not published. `remainingLocales` are the entry's versions still published after (none when
 * it goes entirely). A 410 covers nothing: a link to a gone page is broken too.
 */
export function pathsGoneWith(
  pages: readonly string[],
  entry: { model: string; documentId: string; remainingLocales?: ReadonlySet<SiteLocale> },
  redirects: readonly RedirectRow[],
): Set<string> {
  const moving = redirects.filter((r) => r.httpStatus !== 'gone-410');
  const fromOf = (r: RedirectRow) => (typeof r.fromPath === 'string' ? normalizeSitePath(r.fromPath) : null);
  const toPathOf = (r: RedirectRow) =>
    (r.targetType ?? 'path') === 'path' && typeof r.targetPath === 'string' ? normalizeSitePath(r.targetPath) : null;
  const toEntry = (r: RedirectRow) => r.targetType === entry.model && r.targetDocumentId === entry.documentId;
  const remaining = entry.remainingLocales ?? new Set<SiteLocale>();
  // Whether a redirect from `from` to the entry still reaches one of its versions.
  const entryAnswers = (from: string) => remaining.has(splitLocalePath(from).locale) || remaining.has(ROOT_LOCALE);

  const gone = new Set<string>();
  for (const page of pages) {
    const covered = moving.some((r) => fromOf(r) === page && (toEntry(r) ? entryAnswers(page) : toPathOf(r) !== page));
    if (!covered) gone.add(page);
  }
  for (const r of moving) {
    const from = fromOf(r);
    if (from && toEntry(r) && !entryAnswers(from)) gone.add(from);
  }
  // Redirects to a gone address lead nowhere either; follow them back until nothing is added.
  for (let added = true; added;) {
    added = false;
    for (const r of moving) {
      const from = fromOf(r);
      const to = toPathOf(r);
      if (from && to && gone.has(to) && !gone.has(from)) {
        gone.add(from);
        added = true;
      }
    }
  }
  return gone;
}

/** Whether a link in Markdown of `locale` reaches what goes: one of its paths, or an anchor that stops answering. */
export function linksTo(href: string, locale: SiteLocale, target: GoneTarget): boolean {
  const trimmed = href.trim();
  if (!trimmed.startsWith('/') || /^[/\\]{2}/.test(trimmed)) return false;
  const path = normalizeSitePath(trimmed);
  if (!path) return false;
  if (target.paths.has(path)) return true;
  const { locale: edition, path: rootPath } = splitLocalePath(path);
  const anchor = anchorOf(trimmed);
  if (!target.faqAnchors || !anchor || !isFaqPagePath(rootPath)) return false;
  const { before, after } = target.faqAnchors;
  return faqAnchorAnswers(anchor, edition, locale, before) && !faqAnchorAnswers(anchor, edition, locale, after);
}

/** A published entry's Markdown fields, by field name, and how editors know it. */
export interface MarkdownEntry {
  uid: string;
  documentId: string;
  /** The edition the version is shown in: its links are read as that edition's pages have them. */
  locale: SiteLocale;
  /** See `entryDisplayName`. */
  name: string;
  markdown: Record<string, unknown>;
}

/** The versions that go (or change) with what is checked: their own links go with them. */
export interface GoingVersions {
  uid: string;
  documentId: string;
  locales: ReadonlySet<SiteLocale>;
}

/**
 * The entries whose Markdown links to `target`, each with the labels of the fields that do, in
 * the order given; the versions that go (`self`) are left out, since their links go with them.
 * Another language's version of the same entry stays, and so do its links.
 */
export function findLinkingEntries(
  target: GoneTarget,
  entries: readonly MarkdownEntry[],
  self: GoingVersions,
): LinkingEntry[] {
  const found: LinkingEntry[] = [];
  for (const entry of entries) {
    if (entry.uid === self.uid && entry.documentId === self.documentId && self.locales.has(entry.locale)) continue;
    const fields = Object.entries(entry.markdown)
      .filter(
        ([, value]) =>
          typeof value === 'string' && extractLinkTargets(value).some((h) => linksTo(h, entry.locale, target)),
      )
      .map(([field]) => fieldLabel(field));
    if (fields.length > 0) found.push({ entry: entry.name, fields });
  }
  return found;
}

/** How an entry is named to editors: its name or title, or its question in quotes. */
export function entryDisplayName(entry: Record<string, unknown>): string {
  for (const field of ['name', 'title']) {
    const value = entry[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  const question = entry.question;
  if (typeof question === 'string' && question.trim() !== '') return `'${question.trim()}'`;
  return 'This entry';
}

/** "Medical detox (Body) and 'Is virtual IOP available?' (Answer)". */
export function listLinkingEntries(linkedFrom: readonly LinkingEntry[]): string {
  const items = linkedFrom.map(({ entry, fields }) => `${entry} (${fields.join(', ')})`);
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/**
 * Why an Unpublish or Delete is refused, and how to get there: "Residential treatment can't be
 * unpublished: it is linked from Medical detox (Body). Remove those links, then unpublish."
 */
export function describeTakedownRefusal(
  action: 'unpublish' | 'delete',
  name: string,
  linkedFrom: readonly LinkingEntry[],
): string {
  const done = action === 'unpublish' ? 'unpublished' : 'deleted';
  return `${name} can't be ${done}: it is linked from ${listLinkingEntries(linkedFrom)}. Remove those links, then ${action}.`;
}
