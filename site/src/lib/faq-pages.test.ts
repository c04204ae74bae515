import { describe, expect, it } from 'vitest';
import {
  estimateFaqBytes,
  FAQ_PAGE_BUDGET,
  locateFaqs,
  pageWindow,
  paginateFaqs,
  type PageableFaq,
} from './faq-pages.ts';

const faq = (n: number, topic: PageableFaq['topic'], answerLength = 100): PageableFaq => ({
  slug: `q-${n}`,
  question: `Question ${String(n).padStart(5, '0')}?`,
  answer: 'a'.repeat(answerLength),
  topic,
  order: n,
});

describe('paginateFaqs', () => {
  it('keeps every FAQ on /faq/ while they fit one page', () => {
    const pages = paginateFaqs([faq(1, 'therapies'), faq(2, 'about-iop')]);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.path).toBe('/faq/');
    expect(pages[0]?.groups.map((g) => [g.topic, g.faqs.map((f) => f.slug)])).toEqual([
      ['about-iop', ['q-2']],
      ['therapies', ['q-1']],
    ]);
  });

  it('makes one empty /faq/ page when there are no FAQs', () => {
    expect(paginateFaqs([])).toEqual([{ number: 1, path: '/faq/', faqs: [], groups: [] }]);
  });

  it('starts a new page at the question limit, in topic order, with every FAQ on exactly one page', () => {
    const faqs = Array.from({ length: 120 }, (_, i) => faq(i, i % 2 ? 'medication' : 'about-iop', 10));
    const pages = paginateFaqs(faqs);
    expect(pages.map((p) => p.faqs.length)).toEqual([50, 50, 20]);
    expect(pages.map((p) => p.path)).toEqual(['/faq/', '/faq/2/', '/faq/3/']);
    const slugs = pages.flatMap((p) => p.faqs.map((f) => f.slug));
    expect(new Set(slugs).size).toBe(120);
    // 60 about-iop first, then 60 medication: page 2 holds the end of one and the start of the other.
    expect(pages[1]?.groups.map((g) => [g.topic, g.continued, g.faqs.length])).toEqual([
      ['about-iop', true, 10],
      ['medication', false, 40],
    ]);
  });

  it('starts a new page before the question that would pass the byte budget', () => {
    const long = Math.floor((FAQ_PAGE_BUDGET.maxBytes / 2 - 400) / 2); // just under half a page each
    const pages = paginateFaqs([faq(1, 'therapies', long), faq(2, 'therapies', long), faq(3, 'therapies', long)]);
    expect(pages.map((p) => p.faqs.map((f) => f.slug))).toEqual([['q-1', 'q-2'], ['q-3']]);
    for (const page of pages) {
      expect(page.faqs.reduce((n, f) => n + estimateFaqBytes(f), 0)).toBeLessThanOrEqual(FAQ_PAGE_BUDGET.maxBytes);
    }
  });

  it('gives a question larger than the budget a page of its own rather than dropping it', () => {
    const pages = paginateFaqs([faq(1, 'therapies'), faq(2, 'therapies', 40_000), faq(3, 'therapies')]);
    expect(pages.map((p) => p.faqs.map((f) => f.slug))).toEqual([['q-1'], ['q-2'], ['q-3']]);
  });
});

describe('locateFaqs', () => {
  const pages = paginateFaqs(
    Array.from({ length: 60 }, (_, i) => faq(i, i < 55 ? 'about-iop' : 'after-treatment', 10)),
  );
  const locations = locateFaqs(pages);

  it('links each question to the page that shows it', () => {
    expect(locations.answer('q-0')).toBe('/faq/#q-0');
    expect(locations.answer('q-57')).toBe('/faq/2/#q-57');
    expect(locations.answer('not-a-faq')).toBeUndefined();
  });

  it('links a question to its page wherever that page lives (the Spanish FAQ under /es/)', () => {
    const spanish = pages.map((page) => ({ ...page, path: `/es${page.path}` }));
    expect(locateFaqs(spanish).answer('q-57')).toBe('/es/faq/2/#q-57');
  });

  it('links each topic to its first heading, once', () => {
    expect(locations.topics).toEqual([
      { topic: 'about-iop', label: 'About intensive outpatient programs', href: '/faq/#topic-about-iop' },
      { topic: 'after-treatment', label: 'After treatment', href: '/faq/2/#topic-after-treatment' },
    ]);
  });
});

describe('pageWindow', () => {
  it('shows every page when there are few', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });
  it('keeps first, last and the neighbours of the current page, with gaps between', () => {
    expect(pageWindow(100, 201)).toEqual([1, 'gap', 98, 99, 100, 101, 102, 'gap', 201]);
    expect(pageWindow(1, 201)).toEqual([1, 2, 3, 'gap', 201]);
  });
  it('shows a single missing number instead of a gap that hides only one page', () => {
    expect(pageWindow(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
