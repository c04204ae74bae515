import { faqPageNumberOf, faqPagePath, type FaqForPaging } from './faq-page';

/**
 * Which site page shows an entry, for the admin's Preview button. The paths follow the site's
 * routes (`site/src/lib/routes.ts`); types without a page of their own answer null, so the
 * admin shows no preview for them.
 */

/** An entry as the document service returns it; only its `slug` is read. */
export type PreviewableEntry = Readonly<Record<string, unknown>>;

/** What else a page's path depends on: the FAQ page that shows a question depends on all of them. */
export interface PreviewPathContext {
  /** Every FAQ the preview shows (all drafts), for the FAQ page number. */
  faqs?: readonly FaqForPaging[];
}

/** The FAQ type: which page shows one of its entries depends on every FAQ. */
export const FAQ_UID = 'api::faq.faq';

/** The types with a page, and how an entry's page is found. */
const PAGE_OF: Record<string, ((entry: PreviewableEntry, context: PreviewPathContext) => string | null) | undefined> = {
  'api::facility.facility': () => '/',
  'api::program-level.program-level': (entry) => withSlug('/programs/', entry, '/'),
  'api::treatment-modality.treatment-modality': (entry) => withSlug('/treatments/', entry, '/'),
  'api::condition.condition': (entry) => withSlug('/conditions/', entry, '/'),
  // The question's anchor on the FAQ page that shows it: /faq/, or /faq/2/... once they paginate.
  [FAQ_UID]: (entry, { faqs = [] }) =>
    typeof entry['slug'] === 'string'
      ? withSlug(`${faqPagePath(faqPageNumberOf(entry['slug'], faqs))}#`, entry, '')
      : null,
};

function withSlug(prefix: string, entry: PreviewableEntry, suffix: string): string | null {
  return typeof entry['slug'] === 'string' && entry['slug'] !== ''
    ? `${prefix}${encodeURIComponent(entry['slug'])}${suffix}`
    : null;
}

/** Whether a content type has a page to preview. */
export function isPreviewable(uid: string): boolean {
  return PAGE_OF[uid] !== undefined;
}

/** The site path that shows `entry` of type `uid`, or null (no page, or no slug yet). */
export function previewPathOf(
  uid: string,
  entry: PreviewableEntry | null,
  context: PreviewPathContext = {},
): string | null {
  const page = PAGE_OF[uid];
  if (!page) return null;
  // A single type's page needs no entry; a collection entry needs its slug.
  if (uid === 'api::facility.facility') return page({}, context);
  return entry ? page(entry, context) : null;
}
