/** One page per template of the site, as a visitor reaches it. */
export interface Template {
  /** Short name, also the screenshot's file name. */
  name: string;
  path: string;
  status: number;
}

export const TEMPLATES: readonly Template[] = [
  { name: 'home', path: '/', status: 200 },
  { name: 'programs', path: '/programs/', status: 200 },
  { name: 'program-level', path: '/programs/intensive-outpatient-program/', status: 200 },
  { name: 'compare', path: '/compare/', status: 200 },
  { name: 'treatment', path: '/treatments/cognitive-behavioral-therapy/', status: 200 },
  { name: 'condition', path: '/conditions/co-occurring-disorders/', status: 200 },
  { name: 'faq', path: '/faq/', status: 200 },
  // Exists once the FAQ outgrows one page: site-pages.e2e publishes extra questions for it.
  { name: 'faq-page-2', path: '/faq/2/', status: 200 },
  { name: 'contact', path: '/contact/', status: 200 },
  { name: 'contact-thanks', path: '/contact/thanks/', status: 200 },
  // Without a query: the search box and the lists (search.e2e.test.ts checks it with results).
  { name: 'search', path: '/search/', status: 200 },
  { name: 'not-found', path: '/no-such-page/', status: 404 },
];

/**
 * The Spanish edition's pages, one of each kind with content of its own: the templates are
 * the English ones (the same page bodies with Spanish words), so they are checked at one
 * width, the narrowest, where longer Spanish words are likeliest to crowd the header.
 */
export const SPANISH_TEMPLATES: readonly Template[] = [
  { name: 'es-home', path: '/es/', status: 200 },
  { name: 'es-program-level', path: '/es/programs/programa-ambulatorio-intensivo/', status: 200 },
  { name: 'es-faq', path: '/es/faq/', status: 200 },
  { name: 'es-contact', path: '/es/contact/', status: 200 },
  { name: 'es-search', path: '/es/search/', status: 200 },
];

/** A phone and a desktop. */
export const WIDTHS = [375, 1280] as const;

/** The narrowest width WCAG 1.4.10 (reflow) asks for: 320 CSS px. */
export const NARROWEST_WIDTH = 320;
