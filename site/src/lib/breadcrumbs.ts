import { dictionaryOf } from '../i18n/index.ts';
import { pathPrefixOf, type Lang } from '../i18n/lang.ts';

/** One step of a breadcrumb trail: a visible name and a site path. */
export interface Crumb {
  name: string;
  path: string;
}

/**
 * The trail from the home page of `lang` to the current page. Home is always first; the last
 * crumb is the current page (shown without a link, with `aria-current="page"`).
 */
export function buildBreadcrumbs(lang: Lang, ...trail: Crumb[]): Crumb[] {
  const home: Crumb = { name: dictionaryOf(lang).breadcrumbs.home, path: `${pathPrefixOf[lang]}/` };
  const rest = trail.filter((crumb) => crumb.path !== home.path);
  return [home, ...rest];
}
