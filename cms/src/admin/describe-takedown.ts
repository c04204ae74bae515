import { publicPathOf } from './describe-entry-live-state';

/** The fields that name an entry, in the order our types have them. */
const NAME_FIELDS = ['name', 'question', 'title'];

/** What the editor reads before a live page goes offline. */
export interface TakedownWarning {
  title: string;
  body: string;
}

/**
 * The confirmation before Unpublish or Delete takes a live page off the website, naming the
 * page and its address. Null when nothing visitors see goes offline (never published, or a
 * type without a page).
 */
export function describeTakedown(
  action: 'unpublish' | 'delete',
  model: string,
  document: Record<string, unknown> | undefined,
): TakedownWarning | null {
  if (!document) return null;
  const status = document.status;
  if (status !== 'published' && status !== 'modified') return null;
  const path = publicPathOf(model, document.slug);
  if (!path) return null;
  const nameField = NAME_FIELDS.find((field) => typeof document[field] === 'string' && document[field] !== '');
  const name = nameField ? String(document[nameField]) : 'This page';
  const quoted = nameField ? `"${name}"` : name;
  const offline =
    path === '/'
      ? 'The facility facts on every page of the website (phone, address, crisis resources) go with it, and the next build fails.'
      : `Its page ${path} goes offline on the website within seconds, and links to it stop working.`;
  return action === 'unpublish'
    ? { title: `Unpublish ${quoted}?`, body: `${offline} The draft is kept; publish again to bring it back.` }
    : { title: `Delete ${quoted}?`, body: `${offline} The entry and its draft are deleted for good.` };
}
