/**
 * The pages' one way into the content layer: typed, sorted lists and lookups, in either
 * language (`lang` defaults to English, so a page that names none reads what it always did).
 * I/O stays here; everything the pages decide from the data is in the pure modules beside it
 * (`alternates.ts` for the pairing of the two languages, `localize-links.ts` for their links).
 */
import type { Condition, Facility, Faq, ProgramLevel, Redirect, TreatmentModality } from '@clinic/shared-types';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { defaultLang, intlLocaleOf, langs, type Lang } from '../i18n/lang.ts';
import { langOfEntryId, localizedEntryId, singleTypeEntryId } from '../loaders/strapi-loader.ts';
import {
  buildLanguageMap,
  counterpartPath,
  isTranslationReviewed,
  pageLanguagesOf,
  type LanguageMap,
  type LocalizedPage,
  type PageLanguages,
} from './alternates.ts';
import { memoizeForBuild } from './build-memo.ts';
import type { ServiceSourceLevel } from './json-ld/medical-clinic.ts';
import { recordAnswer, registerQuestion, tracked, trackedSync, untracked, vouch } from './page-memo.ts';
import { sortByContinuum } from './continuum.ts';
import { paginateFaqs, type FaqPage } from './faq-pages.ts';
import { faqTopicLabel, sortFaqs } from './faq-topics.ts';
import { localizeHref, type LinkSources } from './localize-links.ts';
import { isCanonicalElsewhere } from './page-meta.ts';
import type { LocalizedRedirectTargets, RedirectTargets } from './redirect-table.ts';
import { routesFor } from './routes.ts';

/** Names in the language's alphabetical order (English as it always sorted: the runtime's default). */
function byName(lang: Lang) {
  const locale = lang === defaultLang ? undefined : intlLocaleOf[lang];
  return <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, locale);
}

/** Only the entries of one language: the loader stores both in each collection (see `localizedEntryId`). */
function inLang(lang: Lang) {
  return (entry: { id: string }) => langOfEntryId(entry.id) === lang;
}

/**
 * The data of a collection's entries in one language. The collection is read once per build for
 * both languages: Astro's `getCollection` copies every entry on each read before it filters.
 * Each entry's data carries its loader's digest as its fingerprint (see `vouch` in page-memo.ts).
 */
async function dataIn<C extends 'programLevels' | 'treatmentModalities' | 'conditions' | 'faqs'>(
  collection: C,
  lang: Lang,
): Promise<CollectionEntry<C>['data'][]> {
  const entries = await memoizeForBuild(`entries:${collection}`, () => getCollection(collection));
  return entries.filter(inLang(lang)).map((entry) => vouch(entry.data, (entry as { digest?: unknown }).digest));
}

const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', es: 'Spanish' };

/** The facility in `lang`, or undefined when that version is not published. */
async function findFacility(lang: Lang): Promise<Facility | undefined> {
  return memoizeForBuild(
    `facility:${lang}`,
    async () => (await getEntry('facility', localizedEntryId(lang, singleTypeEntryId('facility'))))?.data,
  );
}

/**
 * A collection's entries in one language, read once per build: every page shows the levels, the
 * therapies and the conditions (navigation, footer, related links), and each read of Astro's
 * `getCollection` copies every entry's data anew while it looks for image references. Each
 * caller gets its own array; the entries are shared and never changed.
 */
async function readOnce<T>(key: string, read: () => Promise<T[]>): Promise<T[]> {
  return (await memoizeForBuild(key, read)).slice();
}

/** The facility single type. The site cannot be built without it, nor a language's pages without its version. */
async function getFacilityNow(lang: Lang = defaultLang): Promise<Facility> {
  const facility = await findFacility(lang);
  if (!facility) {
    throw new Error(
      lang === defaultLang
        ? 'The facility entry is missing: publish the Facility single type in the CMS, then rebuild.'
        : `The ${LANGUAGE_NAMES[lang]} facility entry is missing: publish the ${LANGUAGE_NAMES[lang]} (${lang}) version of the Facility single type in the CMS, then rebuild.`,
    );
  }
  return facility;
}
export const getFacility = tracked('getFacility', getFacilityNow);

/** Levels of care from least to most intensive. */
async function getProgramLevelsNow(lang: Lang = defaultLang): Promise<ProgramLevel[]> {
  return readOnce(`programLevels:${lang}`, async () => sortByContinuum(await dataIn('programLevels', lang)));
}
export const getProgramLevels = tracked('getProgramLevels', getProgramLevelsNow);

/**
 * What every page's layout shows of the levels (the clinic's services in its JSON-LD): their
 * names, addresses and therapies, and not the rest a level holds (its FAQs, its body), so a
 * page is not rendered again for a change it does not show (see page-memo.ts).
 */
async function getServiceLevelsNow(lang: Lang = defaultLang): Promise<ServiceSourceLevel[]> {
  return (await getProgramLevelsNow(lang)).map(({ name, slug, offeredOnSite, modalities }) => ({
    name,
    slug,
    offeredOnSite,
    modalities: modalities.map(({ name: modalityName, slug: modalitySlug, category }) => ({
      name: modalityName,
      slug: modalitySlug,
      category,
    })),
  }));
}
export const getServiceLevels = tracked('getServiceLevels', getServiceLevelsNow);

/** Therapies by name. */
async function getTreatmentModalitiesNow(lang: Lang = defaultLang): Promise<TreatmentModality[]> {
  return readOnce(`treatmentModalities:${lang}`, async () =>
    (await dataIn('treatmentModalities', lang)).sort(byName(lang)),
  );
}
export const getTreatmentModalities = tracked('getTreatmentModalities', getTreatmentModalitiesNow);

/** Conditions by name. */
async function getConditionsNow(lang: Lang = defaultLang): Promise<Condition[]> {
  return readOnce(`conditions:${lang}`, async () => (await dataIn('conditions', lang)).sort(byName(lang)));
}
export const getConditions = tracked('getConditions', getConditionsNow);

/** FAQs in editor order. */
async function getFaqsNow(lang: Lang = defaultLang): Promise<Faq[]> {
  return readOnce(`faqs:${lang}`, async () => sortFaqs(await dataIn('faqs', lang)));
}
export const getFaqs = tracked('getFaqs', getFaqsNow);

/**
 * The FAQ as its pages show it: `/faq/`, then `/faq/2/`... (see `faq-pages.ts`); in another
 * language at that language's paths (`/es/faq/2/`) under its topic headings.
 */
async function getFaqPagesNow(lang: Lang = defaultLang): Promise<FaqPage<Faq>[]> {
  const pages = paginateFaqs(await getFaqs(lang));
  if (lang === defaultLang) return pages;
  return pages.map((page) => ({
    ...page,
    path: routesFor(lang).faqPage(page.number),
    groups: page.groups.map((group) => ({ ...group, label: faqTopicLabel(group.topic, lang) })),
  }));
}
export const getFaqPages = tracked('getFaqPages', getFaqPagesNow);

/** The published entries of one language a redirect may point at: documentId to that version's slug. */
async function redirectTargetsIn(lang: Lang): Promise<RedirectTargets> {
  const slugs = (entries: { documentId: string; slug: string }[]) =>
    new Map(entries.map((e) => [e.documentId, e.slug]));
  const [levels, modalities, conditions] = await Promise.all([
    getProgramLevels(lang),
    getTreatmentModalities(lang),
    getConditions(lang),
  ]);
  return { 'program-level': slugs(levels), 'treatment-modality': slugs(modalities), condition: slugs(conditions) };
}

/**
 * The published redirects, and the entries they may point at in each language: a redirect
 * from an `/es/` page goes to the entry's Spanish page (see `buildRedirectTable`).
 */
async function getRedirectInputsNow(): Promise<{ redirects: Redirect[]; targets: LocalizedRedirectTargets }> {
  const [redirects, en, es] = await Promise.all([
    getCollection('redirects'),
    redirectTargetsIn('en'),
    redirectTargetsIn('es'),
  ]);
  return { redirects: redirects.map((entry) => entry.data), targets: { en, es } };
}
export const getRedirectInputs = tracked('getRedirectInputs', getRedirectInputsNow);

/** The pages of one language, as `alternates.ts` pairs them. */
async function localizedPagesOf(lang: Lang): Promise<LocalizedPage[]> {
  const paths = routesFor(lang);
  const [facility, levels, modalities, conditions, faqPages] = await Promise.all([
    findFacility(lang),
    getProgramLevels(lang),
    getTreatmentModalities(lang),
    getConditions(lang),
    getFaqPages(lang),
  ]);
  const fixed = (key: string, path: string, indexable = true): LocalizedPage => ({
    key: `page:${key}`,
    lang,
    path,
    indexable,
  });
  // A page shown from one CMS item follows the item's review and its SEO component, as the layout
  // reads it: seo.noindex keeps it out in any language, and a canonical naming another address
  // keeps it out of the pairs.
  const edited = (
    key: string,
    path: string,
    item: { translationReviewed?: boolean | null; seo?: { noindex?: boolean; canonicalUrl?: string | null } | null },
  ): LocalizedPage => {
    const reviewed = isTranslationReviewed(lang, item);
    const hidden = item.seo?.noindex === true;
    return {
      key,
      lang,
      path,
      indexable: reviewed && !hidden,
      awaitingReview: !reviewed && !hidden,
      canonicalElsewhere: isCanonicalElsewhere(import.meta.env.SITE, path, item.seo?.canonicalUrl),
    };
  };
  const entry = (
    model: string,
    path: (slug: string) => string,
    item: Parameters<typeof edited>[2] & { documentId: string; slug: string },
  ): LocalizedPage => edited(`${model}:${item.documentId}`, path(item.slug), item);
  return [
    // The home presents the facility: its review and its SEO component (the only fixed page with one).
    facility ? edited('page:home', paths.home, facility) : fixed('home', paths.home, false),
    // List pages show our own (reviewed) strings around entries' names and summaries.
    fixed('programs', paths.programs),
    fixed('compare', paths.compare),
    fixed('treatments', paths.treatments),
    fixed('conditions', paths.conditions),
    fixed('contact', paths.contact),
    // Never indexed in any language (their pages say noindex).
    fixed('contact-thanks', paths.contactThanks, false),
    fixed('search', paths.search, false),
    ...faqPages.map((page) => ({ key: `faq-page:${page.number}`, lang, path: page.path, indexable: true })),
    ...levels.map((level) => entry('program-level', paths.program, level)),
    ...modalities.map((modality) => entry('treatment-modality', paths.treatment, modality)),
    ...conditions.map((condition) => entry('condition', paths.condition, condition)),
  ];
}

/** Every page of both languages, paired by what it shows (see `alternates.ts`); computed once per build. */
function getLanguageMapNow(): Promise<LanguageMap> {
  return memoizeForBuild('language-map', async () =>
    buildLanguageMap((await Promise.all(langs.map(localizedPagesOf))).flat()),
  );
}
export const getLanguageMap = tracked('getLanguageMap', getLanguageMapNow);

/**
 * What the page at `pathname` (`Astro.url.pathname`) needs about its other language: the
 * switch's target (the counterpart, else that language's home), its `hreflang` alternates
 * (only when both versions exist and may be indexed) and whether it is `noindex` (an
 * unreviewed translation). See `PageLanguages`.
 */
async function getPageLanguagesNow(pathname: string): Promise<PageLanguages> {
  return pageLanguagesOf(await getLanguageMap(), pathname);
}
export const getPageLanguages = tracked('getPageLanguages', getPageLanguagesNow);

/** The same page in the other language (or in `lang`), or undefined when there is none. */
async function getCounterpartPathNow(pathname: string, lang?: Lang): Promise<string | undefined> {
  return counterpartPath(await getLanguageMap(), pathname, lang);
}
export const getCounterpartPath = tracked('getCounterpartPath', getCounterpartPathNow);

/**
 * Rewrites the English internal links of `lang`'s Markdown to `lang`'s pages (see
 * `localize-links.ts`); undefined for English, whose links need nothing. Give it to
 * `renderMarkdown` as `localizeHref`.
 */
export async function getLinkLocalizer(lang: Lang): Promise<((href: string) => string) | undefined> {
  // Its sources are the whole content, computed once per build: the page asks only about its links.
  const localize = await untracked(() => linkLocalizerOf(lang));
  // Each link's answer is a question the page asked (see page-memo.ts), not the whole localizer.
  return (
    localize &&
    ((href) => {
      const to = localize(href);
      recordAnswer('localizeLink', [lang, href], to);
      return to;
    })
  );
}

async function linkLocalizerOf(lang: Lang): Promise<((href: string) => string) | undefined> {
  if (lang === defaultLang) return undefined;
  const sources = await memoizeForBuild(`link-sources:${lang}`, () => linkSourcesOf(lang));
  return (href) => localizeHref(href, lang, sources);
}
registerQuestion('localizeLink', async (lang: Lang, href: string) => (await linkLocalizerOf(lang))?.(href) ?? href);

/**
 * The day the pages are rendered on (UTC, `YYYY-MM-DD`): the footer's year, and the credentials
 * still valid that day. A page that shows it is rendered again the next day.
 */
export const utcToday = trackedSync('utcToday', () => new Date().toISOString().slice(0, 10));

async function linkSourcesOf(lang: Lang): Promise<LinkSources> {
  const [languageMap, englishFaqs, faqPages] = await Promise.all([
    getLanguageMap(),
    getFaqs(defaultLang),
    getFaqPages(lang),
  ]);
  const answerOf = new Map<string, string>();
  for (const page of faqPages) {
    for (const faq of page.faqs) answerOf.set(faq.documentId, routesFor(lang).faqAnswer(faq.slug, page.number));
  }
  return { languageMap, faqAnswers: new Map(englishFaqs.map((faq) => [faq.slug, answerOf.get(faq.documentId)])) };
}
