import { langOfPath, pathPrefixOf } from '../i18n/lang.ts';

/**
 * What the search page shows, from what Pagefind's `result.data()` returns. Pure, so the rules
 * (an FAQ answer is its own result at its anchor; the query lives in the fragment) are tested
 * without a browser.
 */

/** One sub-result of a Pagefind page: a heading with an `id` and the text under it. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string } | undefined;
}

/** The parts of Pagefind's result data the page uses. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string | undefined };
  sub_results?: PagefindSubResult[] | undefined;
}

/** One entry in the results list. */
export interface SearchItem {
  title: string;
  url: string;
  /** Pagefind's excerpt: plain text with `<mark>` around the matched words. */
  excerpt: string;
  /** Where the result sits, e.g. "FAQ" for an answer. */
  context: string | null;
}

/** Answers of one FAQ page shown at most, so one page cannot push every other result away. */
export const MAX_ANSWERS_PER_PAGE = 5;

/** The FAQ's questions are its `h3`s (`pages/faq/[...page].astro`); `h2`s are its topics. */
function isFaqAnswer(sub: PagefindSubResult): boolean {
  return sub.anchor?.element === 'h3' && sub.url.includes('#');
}

/** Whether a result is an FAQ page, in either language (`/faq/...`, `/es/faq/...`). */
function isFaqPage(url: string): boolean {
  return url.slice(pathPrefixOf[langOfPath(url)].length).startsWith('/faq/');
}

/**
 * Pages become one result each; an FAQ page becomes its matching answers, each linked to
 * `/faq/#slug`, since a visitor asks a question and the answer is what they want.
 * `faqContext` is what an answer's result says it is ("FAQ"), in the page's language.
 */
export function toSearchItems(pages: readonly PagefindResultData[], faqContext: string): SearchItem[] {
  return pages.flatMap((page): SearchItem[] => {
    const title = page.meta.title ?? page.url;
    if (isFaqPage(page.url)) {
      const answers = (page.sub_results ?? []).filter(isFaqAnswer).slice(0, MAX_ANSWERS_PER_PAGE);
      if (answers.length > 0) {
        return answers.map((sub) => ({ title: sub.title, url: sub.url, excerpt: sub.excerpt, context: faqContext }));
      }
    }
    return [{ title, url: page.url, excerpt: page.excerpt, context: null }];
  });
}

/**
 * How the live region words a count, in the page's language (the dictionary's
 * `search.resultCount`): `{count}` and `{query}` are filled in.
 */
export interface ResultCountMessages {
  none: string;
  one: string;
  other: string;
}

/** "5 results for “group therapy”", said by the live region after each search. */
export function describeResultCount(count: number, query: string, messages: ResultCountMessages): string {
  const template = count === 0 ? messages.none : count === 1 ? messages.one : messages.other;
  // A function replacement: a query's own "$&" or "{count}" is taken literally.
  return template.replace(/\{(count|query)\}/g, (_, name: string) => (name === 'count' ? String(count) : query));
}

/** The query carried in a `/search/#q=...` fragment, or '' when there is none. */
export function readQueryFromHash(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return (params.get('q') ?? '').trim();
}

/** The fragment that carries `query`: browsers keep it out of requests, logs and Referer. */
export function searchHash(query: string): string {
  const trimmed = query.trim();
  return trimmed === '' ? '' : `#${new URLSearchParams({ q: trimmed }).toString()}`;
}

/** Splits an excerpt into text and marked parts, so it is shown without parsing HTML. */
export function splitExcerpt(excerpt: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const match of excerpt.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: decodeEntities(excerpt.slice(last, match.index)), marked: false });
    parts.push({ text: decodeEntities(match[1] ?? ''), marked: true });
    last = match.index + match[0].length;
  }
  if (last < excerpt.length) parts.push({ text: decodeEntities(excerpt.slice(last)), marked: false });
  return parts;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

// Pagefind escapes page text in excerpts; the parts are set as text, so they are unescaped once.
function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}
