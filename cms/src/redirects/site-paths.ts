import sitePaths from '@clinic/shared-types/site-paths.json';

/** The content types whose entries have a page of their own, by model name (`program-level`). */
export type EntryModel = keyof typeof sitePaths.entryPathPrefixes;

export const ENTRY_MODELS = Object.keys(sitePaths.entryPathPrefixes) as EntryModel[];

/** The uid of an entry model: `api::program-level.program-level`. */
export function entryUid(model: EntryModel): string {
  return `api::${model}.${model}`;
}

/** The model of a uid that has pages, or undefined. */
export function entryModelOf(uid: string): EntryModel | undefined {
  return ENTRY_MODELS.find((model) => entryUid(model) === uid);
}

/** The page of an entry, as the site builds it (site/src/lib/routes.ts reads the same JSON). */
export function entryPath(model: EntryModel, slug: string): string {
  return `${sitePaths.entryPathPrefixes[model]}${encodeURIComponent(slug)}/`;
}

/** The site's pages that no entry makes: home, the indexes, compare, FAQ, contact. */
export const FIXED_PAGES: readonly string[] = sitePaths.fixedPages;

/** The FAQ's first page; its later pages are `/faq/2/`, `/faq/3/`... */
export const FAQ_PATH = sitePaths.faqPath;
