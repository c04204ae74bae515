/**
 * Every internal path the site links to, in one place: the page files under src/pages and
 * these builders must agree, and the build test checks that every link resolves.
 * Paths end with a slash (`trailingSlash: 'always'`).
 *
 * Both languages share the section segments: Spanish pages are the English paths under `/es`
 * with the entry's Spanish slug (`/es/programs/<es-slug>/`).
 */
import sitePaths from '@clinic/shared-types/site-paths.json';
import { langs, pathPrefixOf, type Lang } from '../i18n/lang.ts';

// Where entries' pages live is shared with the CMS, which records redirects when a slug changes.
const { entryPathPrefixes } = sitePaths;

/** The paths of one language's pages. */
export interface Routes {
  home: string;
  programs: string;
  program: (slug: string) => string;
  compare: string;
  treatments: string;
  treatment: (slug: string) => string;
  conditions: string;
  condition: (slug: string) => string;
  faq: string;
  /** Page `n` of the FAQ; the first page is `faq` itself. */
  faqPage: (n: number) => string;
  /** A question's anchor on the FAQ page that shows it (see `lib/faq-pages.ts`). */
  faqAnswer: (slug: string, page?: number) => string;
  contact: string;
  requestACall: string;
  contactThanks: string;
  /** Site search; the query rides in the fragment (`#q=...`), which browsers never send. */
  search: string;
}

function buildRoutes(lang: Lang): Routes {
  const prefix = pathPrefixOf[lang];
  const faq = `${prefix}/faq/`;
  const faqPage = (n: number) => (n <= 1 ? faq : `${faq}${n}/`);
  return {
    home: `${prefix}/`,
    programs: `${prefix}/programs/`,
    program: (slug) => `${prefix}${entryPathPrefixes['program-level']}${encodeURIComponent(slug)}/`,
    compare: `${prefix}/compare/`,
    treatments: `${prefix}/treatments/`,
    treatment: (slug) => `${prefix}${entryPathPrefixes['treatment-modality']}${encodeURIComponent(slug)}/`,
    conditions: `${prefix}/conditions/`,
    condition: (slug) => `${prefix}${entryPathPrefixes.condition}${encodeURIComponent(slug)}/`,
    faq,
    faqPage,
    faqAnswer: (slug, page = 1) => `${faqPage(page)}#${encodeURIComponent(slug)}`,
    contact: `${prefix}/contact/`,
    requestACall: `${prefix}/contact/#request-a-call`,
    contactThanks: `${prefix}/contact/thanks/`,
    search: `${prefix}/search/`,
  };
}

const routesByLang: Readonly<Record<Lang, Routes>> = { en: buildRoutes('en'), es: buildRoutes('es') };

/** The paths of a language's pages: `routesFor('es').program('desintoxicacion-medica')`. */
export function routesFor(lang: Lang): Routes {
  return routesByLang[lang];
}

/** The English pages' paths: `routesFor('en')`. */
export const routes: Routes = routesByLang.en;

/** The sections of the main navigation, in order; the dictionary names each one. */
export const navigationSections = ['programs', 'compare', 'treatments', 'conditions', 'faq', 'contact'] as const;

export type NavigationSection = (typeof navigationSections)[number];

/** The main navigation of a language, in order: label each item by its `section`. */
export function navigationFor(lang: Lang): { section: NavigationSection; href: string }[] {
  const paths = routesFor(lang);
  return navigationSections.map((section) => ({ section, href: paths[section] }));
}

/** The English main navigation, with English labels. */
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
  // A home is the parent of every page of its language, never their section.
  if (!langs.some((lang) => routesFor(lang).home === href) && pathname.startsWith(href)) return 'true';
  return undefined;
}
