/**
 * The FAQ split into pages, so the page stays small on a phone however many questions
 * editors add: `/faq/` shows every question while they fit one page (the seeded 21 do),
 * then `/faq/2/`, `/faq/3/`... continue in the same order (by topic, then editor order).
 * A page ends before the question that would take it past `FAQ_PAGE_BUDGET`.
 */
import { groupFaqsByTopic, sortFaqsByTopic, type FaqTopic, type SortableFaq } from './faq-topics.ts';
import { routes } from './routes.ts';

export interface PageableFaq extends SortableFaq {
  slug: string;
  answer: string;
}

/**
 * What one FAQ page may hold. `maxBytes` is the estimate of `estimateFaqBytes` summed
 * over the page's questions: 36,000 keeps a page, with its header, navigation and footer
 * (about 15 KB), under the 60 KB page budget.
 */
export const FAQ_PAGE_BUDGET = { maxFaqs: 50, maxBytes: 36_000 } as const;

/**
 * The bytes a question adds to a page: its question and answer as HTML, the answer again
 * as text in the `FAQPage` JSON-LD, and the markup around both.
 */
export function estimateFaqBytes(faq: Pick<PageableFaq, 'question' | 'answer'>): number {
  return 2 * faq.question.length + 2 * faq.answer.length + 350;
}

export interface FaqPageGroup<T> {
  topic: FaqTopic;
  label: string;
  /** Anchor of the topic's heading on this page. */
  id: string;
  /** The topic began on an earlier page. */
  continued: boolean;
  faqs: T[];
}

export interface FaqPage<T> {
  /** 1-based. */
  number: number;
  path: string;
  groups: FaqPageGroup<T>[];
  faqs: T[];
}

/** The FAQs in page order, split by the budget. No FAQs make one empty page: `/faq/` always exists. */
export function paginateFaqs<T extends PageableFaq>(
  faqs: readonly T[],
  budget: { maxFaqs: number; maxBytes: number } = FAQ_PAGE_BUDGET,
): FaqPage<T>[] {
  const slices: T[][] = [[]];
  let bytes = 0;
  for (const faq of sortFaqsByTopic(faqs)) {
    const size = estimateFaqBytes(faq);
    const current = slices[slices.length - 1]!;
    if (current.length > 0 && (current.length >= budget.maxFaqs || bytes + size > budget.maxBytes)) {
      slices.push([faq]);
      bytes = size;
    } else {
      current.push(faq);
      bytes += size;
    }
  }
  const seen = new Set<FaqTopic>();
  return slices.map((slice, index) => ({
    number: index + 1,
    path: routes.faqPage(index + 1),
    faqs: slice,
    groups: groupFaqsByTopic(slice).map((group) => {
      const continued = seen.has(group.topic);
      seen.add(group.topic);
      return { ...group, continued };
    }),
  }));
}

/** Where each question and each topic's start are: links from other pages and the topic menu. */
export interface FaqLocations {
  /** The link to a question, or undefined for a slug that is on no page. */
  answer(slug: string): string | undefined;
  /** Every topic with questions, in page order, linked to its first heading. */
  topics: { topic: FaqTopic; label: string; href: string }[];
}

export function locateFaqs<T extends PageableFaq>(pages: readonly FaqPage<T>[]): FaqLocations {
  // A question's link is its anchor on the page that shows it, at that page's own path (the
  // Spanish FAQ's pages are under /es/).
  const pathOfSlug = new Map<string, string>();
  const topics: FaqLocations['topics'] = [];
  for (const page of pages) {
    for (const faq of page.faqs) pathOfSlug.set(faq.slug, page.path);
    for (const group of page.groups) {
      if (!group.continued) {
        topics.push({ topic: group.topic, label: group.label, href: `${page.path}#${group.id}` });
      }
    }
  }
  return {
    answer: (slug) => {
      const path = pathOfSlug.get(slug);
      return path === undefined ? undefined : `${path}#${encodeURIComponent(slug)}`;
    },
    topics,
  };
}

/**
 * The page numbers a pagination bar shows: the first, the last, and `radius` either side
 * of the current one, with `'gap'` where numbers are left out. 200 pages stay a short bar.
 */
export function pageWindow(current: number, last: number, radius = 2): (number | 'gap')[] {
  const shown = new Set([1, last]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= last) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const n of sorted) {
    const previous = out[out.length - 1];
    if (typeof previous === 'number' && n - previous === 2) out.push(previous + 1);
    else if (typeof previous === 'number' && n - previous > 2) out.push('gap');
    out.push(n);
  }
  return out;
}
