/**
 * Which site page shows an entry, for the admin's Preview button. The paths follow the site's
 * routes (`site/src/lib/routes.ts`); types without a page of their own answer null, so the
 * admin shows no preview for them.
 */

/** An entry as the document service returns it; only its `slug` is read. */
export type PreviewableEntry = Readonly<Record<string, unknown>>;

/** The types with a page, and how an entry's page is found. */
const PAGE_OF: Record<string, ((entry: PreviewableEntry) => string | null) | undefined> = {
  'api::facility.facility': () => '/',
  'api::program-level.program-level': (entry) => withSlug('/programs/', entry, '/'),
  'api::treatment-modality.treatment-modality': (entry) => withSlug('/treatments/', entry, '/'),
  'api::condition.condition': (entry) => withSlug('/conditions/', entry, '/'),
  // Every FAQ is on the FAQ page while they fit one page (the seeded ones do), at its anchor.
  'api::faq.faq': (entry) => withSlug('/faq/#', entry, ''),
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
export function previewPathOf(uid: string, entry: PreviewableEntry | null): string | null {
  const page = PAGE_OF[uid];
  if (!page) return null;
  // A single type's page needs no entry; a collection entry needs its slug.
  if (uid === 'api::facility.facility') return page({});
  return entry ? page(entry) : null;
}
