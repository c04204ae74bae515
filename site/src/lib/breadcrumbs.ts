import { routes } from './routes.ts';

/** One step of a breadcrumb trail: a visible name and a site path. */
export interface Crumb {
  name: string;
  path: string;
}

/**
 * The trail from the home page to the current page. Home is always first; the last crumb
 * is the current page (shown without a link, with `aria-current="page"`).
 */
export function buildBreadcrumbs(...trail: Crumb[]): Crumb[] {
  const home: Crumb = { name: 'Home', path: routes.home };
  const rest = trail.filter((crumb) => crumb.path !== routes.home);
  return [home, ...rest];
}
