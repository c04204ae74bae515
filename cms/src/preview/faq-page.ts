import faqSchema from '../api/faq/content-types/faq/schema.json';

/**
 * Which FAQ page shows a question: `/faq/` while every question fits one page, else `/faq/2/`,
 * `/faq/3/`... The site decides the split (`site/src/lib/faq-pages.ts`: topic order, then editor
 * order, then question; a page ends at 50 questions or 36,000 estimated bytes). The CMS runs as
 * CommonJS and cannot load the site's TypeScript, so this is a copy, held to the site's by
 * `faq-page.test.ts`.
 */

/** What the split reads of an FAQ; drafts may lack any of it. */
export interface FaqForPaging {
  slug?: unknown;
  question?: unknown;
  answer?: unknown;
  topic?: unknown;
  order?: unknown;
}

/** `FAQ_PAGE_BUDGET` in `site/src/lib/faq-pages.ts`. */
const BUDGET = { maxFaqs: 50, maxBytes: 36_000 } as const;

/** Topics in the FAQ page's order: the order of the schema's enum. */
const TOPICS: readonly string[] = faqSchema.attributes.topic.enum;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** `estimateFaqBytes` in `site/src/lib/faq-pages.ts`. */
function estimateBytes(faq: FaqForPaging): number {
  return 2 * text(faq.question).length + 2 * text(faq.answer).length + 350;
}

/** The site's page order: by topic, then editor order, then question. */
function pageOrder(faqs: readonly FaqForPaging[]): FaqForPaging[] {
  const order = (faq: FaqForPaging) => (typeof faq.order === 'number' ? faq.order : 0);
  return TOPICS.flatMap((topic) =>
    faqs
      .filter((faq) => faq.topic === topic)
      .sort((a, b) => order(a) - order(b) || text(a.question).localeCompare(text(b.question))),
  );
}

/**
 * The 1-based number of the FAQ page that shows the question with `slug` when the site shows
 * `faqs` (all of them, drafts in a preview); 1 when it is not among them.
 */
export function faqPageNumberOf(slug: string, faqs: readonly FaqForPaging[]): number {
  let page = 1;
  let count = 0;
  let bytes = 0;
  for (const faq of pageOrder(faqs)) {
    const size = estimateBytes(faq);
    if (count > 0 && (count >= BUDGET.maxFaqs || bytes + size > BUDGET.maxBytes)) {
      page += 1;
      count = 0;
      bytes = 0;
    }
    count += 1;
    bytes += size;
    if (faq.slug === slug) return page;
  }
  return 1;
}

/** The FAQ page's path: `/faq/`, `/faq/2/`... (`routes.faqPage` on the site). */
export function faqPagePath(page: number): string {
  return page <= 1 ? '/faq/' : `/faq/${page}/`;
}
