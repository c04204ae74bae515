import { fieldLabel } from '../bootstrap/field-label';
import { FAQ_PATH, localizedPath, ROOT_LOCALE, type SiteLocale } from '../redirects/site-paths';
import { isPlaceholderSlug } from '../slugs/placeholder-slug';
import type { LinkingEntry } from './incoming-links-response';
import { entryDisplayName, listLinkingEntries } from './incoming-links';

/**
 * A publish that moves an FAQ's anchor: `/faq/#oldSlug` stops answering, `/faq/#newSlug` starts
 * (`/es/faq/...` for the Spanish version).
 */
export interface FaqRename {
  /** How editors know the FAQ: its question (as it will be published) in quotes. */
  name: string;
  /** The version published: its edition's FAQ pages are the ones whose anchor moves. */
  locale: SiteLocale;
  oldSlug: string;
  newSlug: string;
  /**
   * The old slug is the admin's placeholder (`faq`, `faq-2`). Saving replaces such a slug with
   * one made from the question (`registerSlugDerivation`), so it cannot be kept, and the editor
   * may not have touched the slug at all.
   */
  oldSlugIsPlaceholder: boolean;
}

/**
 * The anchor move that publishing `draft` makes, or null: an FAQ never published, or one whose
 * slug stays. A missing new slug is left to Strapi's required check.
 */
export function findFaqRename(
  published: Record<string, unknown> | null | undefined,
  draft: Record<string, unknown> | null | undefined,
  locale: SiteLocale = ROOT_LOCALE,
): FaqRename | null {
  const oldSlug = published?.slug;
  const newSlug = draft?.slug;
  if (typeof oldSlug !== 'string' || oldSlug === '' || typeof newSlug !== 'string' || newSlug === '') return null;
  if (oldSlug === newSlug) return null;
  return {
    name: entryDisplayName(draft ?? {}),
    locale,
    oldSlug,
    newSlug,
    oldSlugIsPlaceholder: isPlaceholderSlug(oldSlug, 'faq'),
  };
}

/** `/faq/#slug` (`/es/faq/#slug` in Spanish), as editors write a link to an FAQ. */
function faqLink(locale: SiteLocale, slug: string): string {
  return `${localizedPath(locale, FAQ_PATH)}#${encodeURIComponent(slug)}`;
}

/**
 * Why publishing an FAQ under a new slug is refused while published entries link to its old
 * anchor, and the ways out. An anchor cannot redirect, and a link to the new anchor cannot be
 * published before the FAQ is (the link check refuses an anchor no published FAQ has), so
 * renaming goes through `/faq/`, which answers before and after. Starts with the field's label,
 * as the admin shows it under the field.
 */
export function describeFaqRenameRefusal(rename: FaqRename, linkedFrom: readonly LinkingEntry[]): string {
  const { name, locale, oldSlug, newSlug, oldSlugIsPlaceholder } = rename;
  const linked = `${fieldLabel('slug')}: ${name} is linked as ${faqLink(locale, oldSlug)} from ${listLinkingEntries(linkedFrom)}.`;
  const steps = `first change those links to ${localizedPath(locale, FAQ_PATH)} and publish them; then publish this, and link them to ${faqLink(locale, newSlug)}.`;
  if (oldSlugIsPlaceholder) {
    // Setting it back would not help: the next save makes it from the question again.
    return `${linked} ${oldSlug} was the admin's placeholder, so saving made the slug ${newSlug} from the ${fieldLabel('question')}. To publish, ${steps}`;
  }
  return `${linked} Set the slug back to ${oldSlug} — or, to rename it, ${steps}`;
}
