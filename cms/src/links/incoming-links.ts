import { fieldLabel } from '../bootstrap/field-label';
import { normalizeSitePath } from '../redirects/redirect-rules';
import type { LinkingEntry } from './incoming-links-response';
import { anchorOf, extractLinkTargets, isFaqPagePath } from './internal-links';

/** What stops answering when an entry leaves the site, as links name it. */
export interface GoneTarget {
  /** Normalized paths: the entry's page, and old addresses that redirect to it. */
  paths: ReadonlySet<string>;
  /** An FAQ's slug: `/faq/#slug` (or `/faq/2/#slug`) stops answering. */
  faqAnchor?: string;
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
 * The addresses that stop working when the entry at `page` goes, given the published redirects:
 * its page, unless a 301/302 from the page leads elsewhere; and every old address that redirects
 * to the entry (a slug change records one), since the site drops a redirect whose target is not
 * published. A 410 covers nothing: a link to a gone page is broken too.
 */
export function pathsGoneWith(
  page: string,
  entry: { model: string; documentId: string },
  redirects: readonly RedirectRow[],
): Set<string> {
  const moving = redirects.filter((r) => r.httpStatus !== 'gone-410');
  const fromOf = (r: RedirectRow) => (typeof r.fromPath === 'string' ? normalizeSitePath(r.fromPath) : null);
  const toPathOf = (r: RedirectRow) =>
    (r.targetType ?? 'path') === 'path' && typeof r.targetPath === 'string' ? normalizeSitePath(r.targetPath) : null;
  const toEntry = (r: RedirectRow) => r.targetType === entry.model && r.targetDocumentId === entry.documentId;

  const gone = new Set<string>();
  const covered = moving.some((r) => fromOf(r) === page && !toEntry(r) && toPathOf(r) !== page);
  if (!covered) gone.add(page);
  for (const r of moving) {
    const from = fromOf(r);
    if (from && toEntry(r)) gone.add(from);
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

/** Whether a link in Markdown reaches what goes: one of its paths, or its FAQ anchor. */
export function linksTo(href: string, target: GoneTarget): boolean {
  const trimmed = href.trim();
  if (!trimmed.startsWith('/') || /^[/\\]{2}/.test(trimmed)) return false;
  const path = normalizeSitePath(trimmed);
  if (!path) return false;
  if (target.faqAnchor !== undefined) return isFaqPagePath(path) && anchorOf(trimmed) === target.faqAnchor;
  return target.paths.has(path);
}

/** A published entry's Markdown fields, by field name, and how editors know it. */
export interface MarkdownEntry {
  uid: string;
  documentId: string;
  /** See `entryDisplayName`. */
  name: string;
  markdown: Record<string, unknown>;
}

/**
 * The entries whose Markdown links to `target`, each with the labels of the fields that do, in
 * the order given; the entry that goes (`self`) is left out, since its links go with it.
 */
export function findLinkingEntries(
  target: GoneTarget,
  entries: readonly MarkdownEntry[],
  self: { uid: string; documentId: string },
): LinkingEntry[] {
  const found: LinkingEntry[] = [];
  for (const entry of entries) {
    if (entry.uid === self.uid && entry.documentId === self.documentId) continue;
    const fields = Object.entries(entry.markdown)
      .filter(([, value]) => typeof value === 'string' && extractLinkTargets(value).some((h) => linksTo(h, target)))
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
