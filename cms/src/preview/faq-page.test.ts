import { FAQ_TOPICS } from '@clinic/site/faq-topics';
import { locateFaqs, paginateFaqs, type PageableFaq } from '@clinic/site/faq-pages';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faqPageNumberOf, faqPagePath } from './faq-page';

const faq = (n: number, topic: PageableFaq['topic'], answerLength = 10): PageableFaq => ({
  slug: `q-${n}`,
  question: `Question ${String(n).padStart(3, '0')}?`,
  answer: 'a'.repeat(answerLength),
  topic,
  order: n,
});

describe('faqPageNumberOf', () => {
  it('finds a question on /faq/ while all fit one page, and on a later page after the split', () => {
    const few = [faq(1, 'therapies'), faq(2, 'about-iop')];
    expect(faqPageNumberOf('q-1', few)).toBe(1);
    // 50 questions a page, in topic order: the medication ones come after all about-iop ones.
    const many = Array.from({ length: 120 }, (_, i) => faq(i, i % 2 ? 'medication' : 'about-iop'));
    expect(faqPageNumberOf('q-0', many)).toBe(1);
    expect(faqPageNumberOf('q-1', many)).toBe(2);
    expect(faqPageNumberOf('q-119', many)).toBe(3);
    expect(faqPagePath(faqPageNumberOf('q-119', many))).toBe('/faq/3/');
    expect(faqPagePath(1)).toBe('/faq/');
  });

  it('counts the byte budget too: long answers split pages before 50 questions', () => {
    // About 6,400 estimated bytes each: five fit the 36,000-byte page.
    const long = Array.from({ length: 10 }, (_, i) => faq(i, 'therapies', 3_000));
    expect(faqPageNumberOf('q-4', long)).toBe(1);
    expect(faqPageNumberOf('q-5', long)).toBe(2);
  });

  it('answers page 1 for a slug on no page, and tolerates drafts missing fields', () => {
    expect(faqPageNumberOf('missing', [faq(1, 'therapies')])).toBe(1);
    expect(faqPageNumberOf('q-1', [{ slug: 'q-1' }, faq(1, 'therapies')])).toBe(1);
  });

  it("agrees with the site's FAQ pagination, which decides the pages", () => {
    // The CMS runs as CommonJS and cannot load the site's TypeScript: its copy is held here.
    const arbitraryFaq = fc.record({
      topic: fc.constantFrom(...FAQ_TOPICS),
      order: fc.integer({ min: 0, max: 20 }),
      question: fc.string({ minLength: 1, maxLength: 200 }),
      answer: fc.string({ maxLength: 4_000 }),
    });
    const faqs = fc
      .array(arbitraryFaq, { maxLength: 160 })
      .map((list) => list.map((f, i): PageableFaq => ({ ...f, slug: `s-${i}` })));
    fc.assert(
      fc.property(faqs, (list) => {
        const site = locateFaqs(paginateFaqs(list));
        for (const f of list) {
          expect(`${faqPagePath(faqPageNumberOf(f.slug, list))}#${f.slug}`).toBe(site.answer(f.slug));
        }
      }),
      { seed: 20261214, numRuns: 300 },
    );
  });
});
