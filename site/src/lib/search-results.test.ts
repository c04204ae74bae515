import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { es } from '../i18n/es.ts';
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
    expect(toSearchItems([groupTherapy], 'FAQ')).toEqual([
      { title: 'Group therapy', url: '/treatments/group-therapy/', excerpt: groupTherapy.excerpt, context: null },
    ]);
  });

  it('shows each matching FAQ answer as its own result at its anchor, topics left out', () => {
    const items = toSearchItems([faqPage('/faq/', 2), groupTherapy], 'FAQ');
    expect(items.map((i) => i.url)).toEqual(['/faq/#q-0', '/faq/#q-1', '/treatments/group-therapy/']);
    expect(items[0]).toMatchObject({ title: 'Question 0', context: 'FAQ', excerpt: 'answer <mark>0</mark>' });
  });

  it('shows the answers of the Spanish FAQ, said to be from it in Spanish', () => {
    const items = toSearchItems([faqPage('/es/faq/', 1)], 'Preguntas frecuentes');
    expect(items[0]).toMatchObject({ url: '/es/faq/#q-0', context: 'Preguntas frecuentes' });
  });

  it('keeps answers on later FAQ pages at their own page', () => {
    expect(toSearchItems([faqPage('/faq/2/', 1)], 'FAQ').map((i) => i.url)).toEqual(['/faq/2/#q-0']);
  });

  it(`caps one FAQ page at ${MAX_ANSWERS_PER_PAGE} answers`, () => {
    expect(toSearchItems([faqPage('/faq/', 9)], 'FAQ')).toHaveLength(MAX_ANSWERS_PER_PAGE);
  });

  it('falls back to the FAQ page itself when no answer heading matched', () => {
    expect(toSearchItems([faqPage('/faq/', 0)], 'FAQ').map((i) => i.url)).toEqual(['/faq/']);
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
    const messages = en.search.resultCount;
    expect(describeResultCount(5, 'group therapy', messages)).toBe('5 results for “group therapy”');
    expect(describeResultCount(1, 'iop', messages)).toBe('1 result for “iop”');
    expect(describeResultCount(0, 'zzz', messages)).toBe('No results for “zzz”');
  });
  it('says it in Spanish', () => {
    expect(describeResultCount(2, 'terapia', es.search.resultCount)).toBe('2 resultados para “terapia”');
    expect(describeResultCount(0, 'zzz', es.search.resultCount)).toBe('No hay resultados para “zzz”');
  });
  it('takes a query that looks like a placeholder or a replacement pattern literally', () => {
    expect(describeResultCount(3, '{count} $& $1', en.search.resultCount)).toBe('3 results for “{count} $& $1”');
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
