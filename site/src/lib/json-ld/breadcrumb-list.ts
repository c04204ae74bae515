import type { Crumb } from '../breadcrumbs.ts';
import type { JsonLdNode } from './types.ts';

/** A `BreadcrumbList` for a trail of site paths, with absolute URLs on `siteUrl`. */
export function buildBreadcrumbList(crumbs: readonly Crumb[], siteUrl: string | URL, pageUrl: string): JsonLdNode {
  return {
    '@type': 'BreadcrumbList',
    '@id': `${pageUrl}#breadcrumb`,
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: new URL(crumb.path, siteUrl).href,
    })),
  };
}
