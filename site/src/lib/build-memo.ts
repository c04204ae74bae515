/**
 * What pages compute from the whole content once per build rather than once per page: the
 * pairing of every page of both languages (`getLanguageMap`), read by every page and by every
 * Markdown body of a translated page (the FAQ pages alone render one per question).
 *
 * The memo lives on `globalThis` under a registered symbol, as the sitemap registry does: the
 * config (which clears it when a build starts) and the pages are bundled separately, and the
 * publisher's warm builder runs build after build in one process, where a module's own scope
 * would carry one build's content into the next. In `astro dev` content changes on every save,
 * so nothing is kept there.
 */
import type { AstroIntegration } from 'astro';

const MEMO_KEY = Symbol.for('@clinic/site:build-memo');

type Memo = Map<string, Promise<unknown>>;

function memo(): Memo {
  const holder = globalThis as { [MEMO_KEY]?: Memo };
  holder[MEMO_KEY] ??= new Map();
  return holder[MEMO_KEY];
}

/** `compute()`, once per build for `key` (every call in dev, or with `keep: false`). */
export function memoizeForBuild<T>(key: string, compute: () => Promise<T>, keep = !import.meta.env?.DEV): Promise<T> {
  if (!keep) return compute();
  const known = memo().get(key) as Promise<T> | undefined;
  if (known) return known;
  const computed = compute();
  memo().set(key, computed);
  // A failure is not kept: the next call tries again (and fails with its own message).
  computed.catch(() => memo().delete(key));
  return computed;
}

/** Forgets everything: called when a build starts and ends (and by tests). */
export function clearBuildMemo(): void {
  memo().clear();
}

/** Starts and ends every build (preview builds included) with an empty memo. */
export function buildMemo(): AstroIntegration {
  return {
    name: '@clinic/build-memo',
    hooks: { 'astro:build:start': () => clearBuildMemo(), 'astro:build:done': () => clearBuildMemo() },
  };
}
