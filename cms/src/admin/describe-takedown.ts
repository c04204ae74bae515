import type { LinkingEntry } from '../links/incoming-links-response.ts';
import { publicPathOf } from './describe-entry-live-state';

/** The fields that name an entry, in the order our types have them. */
const NAME_FIELDS = ['name', 'question', 'title'];

/** What the CMS said about links to the page (`GET /admin/incoming-links`), as far as it is known. */
export type IncomingLinksState =
  | { status: 'checking' }
  | { status: 'known'; linkedFrom: readonly LinkingEntry[] }
  /** The CMS did not answer: the dialog says what it would anyway, and the CMS still refuses if it must. */
  | { status: 'unknown' };

/** What the editor reads before a live page goes offline. */
export interface TakedownWarning {
  title: string;
  body: string;
  /** Entries that link to the page, one line each ("Medical detox (Body)"): the takedown will be refused. */
  linkedFrom: string[];
  /** What to do first, when the takedown will be refused; empty otherwise. */
  fix: string;
  /** Whether the links are still being looked up: nothing to confirm yet. */
  checking: boolean;
}

/**
 * The confirmation before Unpublish or Delete takes a live page off the website, naming the
 * page and its address. When other published entries link to the page, it does not say the
 * page goes offline (the CMS refuses, and the page stays live): it names them and says to remove
 * those links first. Null when nothing visitors see goes offline (never published, or a type
 * without a page).
 */
export function describeTakedown(
  action: 'unpublish' | 'delete',
  model: string,
  document: Record<string, unknown> | undefined,
  links: IncomingLinksState = { status: 'unknown' },
): TakedownWarning | null {
  if (!document) return null;
  const status = document.status;
  if (status !== 'published' && status !== 'modified') return null;
  const path = publicPathOf(model, document.slug, document.locale);
  if (!path) return null;
  const nameField = NAME_FIELDS.find((field) => typeof document[field] === 'string' && document[field] !== '');
  const name = nameField ? String(document[nameField]) : 'This page';
  const quoted = nameField ? `"${name}"` : name;
  const verb = action === 'unpublish' ? 'Unpublish' : 'Delete';
  if (links.status === 'known' && links.linkedFrom.length > 0) {
    const doing = action === 'unpublish' ? 'unpublished' : 'deleted';
    const linking = links.linkedFrom.length > 1 ? 'Other published pages link' : 'Another published page links';
    return {
      title: `${quoted} can't be ${doing} yet`,
      body: `${linking} to ${path}: ${verb} would break those links, so it is refused and the page stays live. It is linked from:`,
      linkedFrom: links.linkedFrom.map(({ entry, fields }) => `${entry} (${fields.join(', ')})`),
      fix: `Remove those links, then ${action}.`,
      checking: false,
    };
  }
  const checking = links.status === 'checking';
  const offline =
    model === 'api::facility.facility'
      ? 'The facility facts on every page of the website (phone, address, crisis resources) go with it, and the next build fails.'
      : `Its page ${path} goes offline on the website within seconds, and links to it stop working.`;
  const after =
    action === 'unpublish'
      ? 'The draft is kept; publish again to bring it back.'
      : 'The entry and its draft are deleted for good.';
  const check = checking ? ' Checking which pages link to it…' : '';
  return { title: `${verb} ${quoted}?`, body: `${offline} ${after}${check}`, linkedFrom: [], fix: '', checking };
}
