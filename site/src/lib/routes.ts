/**
 * Every internal path the site links to, in one place: the page files under src/pages and
 * these builders must agree, and the build test checks that every link resolves.
 * Paths end with a slash (`trailingSlash: 'always'`).
 */
import sitePaths from '@clinic/shared-types/site-paths.json';

// Where entries' pages live is shared with the CMS, which records redirects when a slug changes.
const { entryPathPrefixes } = sitePaths;

function faqPagePath(n: number): string {
  return n <= 1 ? '/faq/' : `/faq/${n}/`;
}

export const routes = {
  home: '/',
  programs: '/programs/',
  program: (slug: string) => `${entryPathPrefixes['program-level']}${encodeURIComponent(slug)}/`,
  compare: '/compare/',
  treatments: '/treatments/',
  treatment: (slug: string) => `${entryPathPrefixes['treatment-modality']}${encodeURIComponent(slug)}/`,
  conditions: '/conditions/',
  condition: (slug: string) => `${entryPathPrefixes.condition}${encodeURIComponent(slug)}/`,
  faq: '/faq/',
  /** Page `n` of the FAQ; the first page is `/faq/` itself. */
  faqPage: faqPagePath,
  /** A question's anchor on the FAQ page that shows it (see `lib/faq-pages.ts`). */
  faqAnswer: (slug: string, page = 1) => `${faqPagePath(page)}#${encodeURIComponent(slug)}`,
  contact: '/contact/',
  requestACall: '/contact/#request-a-call',
  contactThanks: '/contact/thanks/',
  /** Site search; the query rides in the fragment (`#q=...`), which browsers never send. */
  search: '/search/',
} as const;

/** The main navigation, in order. */
export const mainNavigation = [
  { label: 'Programs', href: routes.programs },
  { label: 'Compare', href: routes.compare },
  { label: 'Treatments', href: routes.treatments },
  { label: 'Conditions', href: routes.conditions },
  { label: 'FAQ', href: routes.faq },
  { label: 'Contact', href: routes.contact },
] as const;

/** Whether a nav item is the current section, so it can carry `aria-current`. */
export function isCurrentSection(href: string, pathname: string): 'page' | 'true' | undefined {
  if (href === pathname) return 'page';
  if (href !== '/' && pathname.startsWith(href)) return 'true';
  return undefined;
}
