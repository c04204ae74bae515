import { isPlaceholderSlug } from './placeholder-slug';

/**
 * A slug made from a title as Strapi makes it on the server (`@sindresorhus/slugify` with its
 * defaults, for the titles editors write): "What's IOP & PHP?" -> `what-s-iop-and-php`.
 */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The state of a new entry's slug while its title is typed. */
export interface FollowInput {
  title: unknown;
  slug: unknown;
  /** The slug this follower last set, or null before it set any. */
  lastFollowed: string | null;
  /** The content type's model name (`faq`), whose placeholder slug (`faq`, `faq-2`) still follows. */
  modelName: string;
}

/**
 * The slug a new entry should now have, or null to leave it: it follows the title while it is
 * empty, the admin's placeholder, or what this follower set last; once the editor has typed
 * their own slug it is theirs.
 */
export function followTitle({ title, slug, lastFollowed, modelName }: FollowInput): string | null {
  if (typeof title !== 'string') return null;
  const current = typeof slug === 'string' ? slug : '';
  const following = current === '' || current === lastFollowed || isPlaceholderSlug(current, modelName);
  if (!following) return null;
  const next = slugFromTitle(title);
  if (next === '' || next === current) return null;
  return next;
}
