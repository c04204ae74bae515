/**
 * The search page (`/search/`): runs Pagefind's JS API (`/pagefind/pagefind.js`, written by the
 * publisher into each build) in the browser, so a query never leaves it. Shows results as a list
 * of links, says "N results for ..." in a live region, and keeps the query in the fragment
 * (`#q=...`), which browsers never send to a server. Pagefind's default UI is not used: it needs
 * inline styles and `data:` images the CSP refuses.
 */
import {
  describeResultCount,
  readQueryFromHash,
  searchHash,
  splitExcerpt,
  toSearchItems,
  type PagefindResultData,
  type ResultCountMessages,
  type SearchItem,
} from '../lib/search-results.ts';

/** The parts of Pagefind's JS API used here (pagefind.js ships no types of its own). */
interface PagefindApi {
  options(options: { excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(
    query: string,
    options?: object,
    delayMs?: number,
  ): Promise<{ results: { data(): Promise<unknown> }[] } | null>;
}

/** Pages whose details are fetched per query: each costs one small fragment file. */
const MAX_PAGES = 10;
const DEBOUNCE_MS = 250;

// A same-origin path resolved at run time: Vite must not bundle it, it changes with each build.
const PAGEFIND_URL = '/pagefind/pagefind.js';

function isResultData(value: unknown): value is PagefindResultData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return typeof data['url'] === 'string' && typeof data['excerpt'] === 'string' && typeof data['meta'] === 'object';
}

/** Fills `excerpt` in, its matched words in `<mark>`, as text: nothing in it is parsed as HTML. */
function fillExcerpt(target: HTMLElement, excerpt: string): void {
  target.replaceChildren(
    ...splitExcerpt(excerpt).map((part) => {
      if (!part.marked) return part.text;
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      return mark;
    }),
  );
}

function renderItem(template: HTMLTemplateElement, item: SearchItem): Node {
  const fragment = template.content.cloneNode(true) as DocumentFragment;
  const context = fragment.querySelector<HTMLElement>('[data-result-context]');
  const link = fragment.querySelector<HTMLAnchorElement>('[data-result-link]');
  const excerpt = fragment.querySelector<HTMLElement>('[data-result-excerpt]');
  if (context) {
    if (item.context) context.textContent = item.context;
    else context.remove();
  }
  if (link) {
    link.href = item.url;
    link.textContent = item.title;
  }
  if (excerpt) fillExcerpt(excerpt, item.excerpt);
  return fragment;
}

/**
 * What the script says, in the page's language: the page writes the dictionary's words into
 * the form's `data-*` attributes, so no dictionary ships to the browser.
 */
interface SearchMessages {
  resultCount: ResultCountMessages;
  unavailable: string;
  faqContext: string;
}

function readMessages(form: HTMLFormElement): SearchMessages {
  const { resultsNone = '', resultsOne = '', resultsOther = '', unavailable = '', faqContext = '' } = form.dataset;
  return { resultCount: { none: resultsNone, one: resultsOne, other: resultsOther }, unavailable, faqContext };
}

function start(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = document.querySelector<HTMLInputElement>('[data-search-input]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const template = document.querySelector<HTMLTemplateElement>('[data-search-result-template]');
  if (!form || !input || !status || !list || !template) return;
  const messages = readMessages(form);
  form.hidden = false;
  for (const note of document.querySelectorAll<HTMLElement>('[data-search-needs-js]')) note.hidden = true;

  let pagefind: Promise<PagefindApi> | null = null;
  const load = (): Promise<PagefindApi> => {
    pagefind ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<PagefindApi>).then(async (api) => {
      await api.options({ excerptLength: 24 });
      await api.init();
      return api;
    });
    return pagefind;
  };

  const run = async (): Promise<void> => {
    const query = input.value.trim();
    history.replaceState(null, '', `${location.pathname}${searchHash(query)}`);
    if (query === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    try {
      const api = await load();
      const search = await api.debouncedSearch(query, {}, DEBOUNCE_MS);
      // null: a newer query superseded this one.
      if (search === null) return;
      const data = await Promise.all(search.results.slice(0, MAX_PAGES).map((result) => result.data()));
      if (input.value.trim() !== query) return;
      const items = toSearchItems(data.filter(isResultData), messages.faqContext);
      list.replaceChildren(...items.map((item) => renderItem(template, item)));
      status.textContent = describeResultCount(items.length, query, messages.resultCount);
    } catch {
      status.textContent = messages.unavailable;
    }
  };

  input.addEventListener('input', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('focus', () => void load().catch(() => {}), { once: true });

  // The header's box on this page changes only the fragment.
  const fromHash = (): void => {
    const query = readQueryFromHash(location.hash);
    if (query === '' || query === input.value.trim()) return;
    input.value = query;
    void run();
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();
}

start();
