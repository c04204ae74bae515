import { describe, expect, it } from 'vitest';
import {
  MAX_ANSWERS_PER_PAGE,
  describeResultCount,
  readQueryFromHash,
  searchHash,
  splitExcerpt,
  toSearchItems,
  type PagefindResultData,
} from './search-results.ts';

const groupTherapy: PagefindResultData = {
  url: '/treatments/group-therapy/',
  excerpt: '<mark>Group</mark> <mark>therapy</mark> in small groups.',
  meta: { title: 'Group therapy' },
  sub_results: [{ title: 'Group therapy', url: '/treatments/group-therapy/', excerpt: 'x' }],
};

function faqPage(url: string, answers: number): PagefindResultData {
  return {
    url,
    excerpt: 'How many <mark>hours</mark>',
    meta: { title: 'Frequently asked questions' },
    sub_results: [
      { title: 'Schedule', url: `${url}#schedule`, excerpt: 'topic', anchor: { element: 'h2', id: 'schedule' } },
      ...Array.from({ length: answers }, (_, i) => ({
        title: `Question ${i}`,
        url: `${url}#q-${i}`,
        excerpt: `answer <mark>${i}</mark>`,
        anchor: { element: 'h3', id: `q-${i}` },
      })),
    ],
  };
}

describe('toSearchItems', () => {
  it('shows a page as one result linked to the page', () => {
    expect(toSearchItems([groupTherapy])).toEqual([
      { title: 'Group therapy', url: '/treatments/group-therapy/', excerpt: groupTherapy.excerpt, context: null },
    ]);
  });

  it('shows each matching FAQ answer as its own result at its anchor, topics left out', () => {
    const items = toSearchItems([faqPage('/faq/', 2), groupTherapy]);
    expect(items.map((i) => i.url)).toEqual(['/faq/#q-0', '/faq/#q-1', '/treatments/group-therapy/']);
    expect(items[0]).toMatchObject({ title: 'Question 0', context: 'FAQ', excerpt: 'answer <mark>0</mark>' });
  });

  it('keeps answers on later FAQ pages at their own page', () => {
    expect(toSearchItems([faqPage('/faq/2/', 1)]).map((i) => i.url)).toEqual(['/faq/2/#q-0']);
  });

  it(`caps one FAQ page at ${MAX_ANSWERS_PER_PAGE} answers`, () => {
    expect(toSearchItems([faqPage('/faq/', 9)])).toHaveLength(MAX_ANSWERS_PER_PAGE);
  });

  it('falls back to the FAQ page itself when no answer heading matched', () => {
    expect(toSearchItems([faqPage('/faq/', 0)]).map((i) => i.url)).toEqual(['/faq/']);
  });
});

describe('the query in the fragment', () => {
  it('round-trips through #q=, spaces and symbols included', () => {
    const hash = searchHash('  how many hours & days? ');
    expect(hash.startsWith('#q=')).toBe(true);
    expect(readQueryFromHash(hash)).toBe('how many hours & days?');
  });

  it('is empty for no query', () => {
    expect(searchHash('   ')).toBe('');
    expect(readQueryFromHash('')).toBe('');
    expect(readQueryFromHash('#main')).toBe('');
  });
});

describe('describeResultCount', () => {
  it('says how many results were found for what', () => {
    expect(describeResultCount(5, 'group therapy')).toBe('5 results for “group therapy”');
    expect(describeResultCount(1, 'iop')).toBe('1 result for “iop”');
    expect(describeResultCount(0, 'zzz')).toBe('No results for “zzz”');
  });
});

describe('splitExcerpt', () => {
  it('separates marked words and unescapes text without interpreting markup', () => {
    expect(splitExcerpt('a <mark>b</mark> &lt;img src=x&gt; <mark>c&amp;d</mark>')).toEqual([
      { text: 'a ', marked: false },
      { text: 'b', marked: true },
      { text: ' <img src=x> ', marked: false },
      { text: 'c&d', marked: true },
    ]);
  });
});
