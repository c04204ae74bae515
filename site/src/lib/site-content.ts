/**
 * The pages' one way into the content layer: typed, sorted lists and lookups. I/O stays
 * here; everything the pages decide from the data is in the pure modules beside it.
 */
import type { Condition, Facility, Faq, ProgramLevel, Redirect, TreatmentModality } from '@clinic/shared-types';
import { getCollection, getEntry } from 'astro:content';
import { sortByContinuum } from './continuum.ts';
import { paginateFaqs, type FaqPage } from './faq-pages.ts';
import { sortFaqs } from './faq-topics.ts';
import type { RedirectTargets } from './redirect-table.ts';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** The facility single type. The site cannot be built without it. */
export async function getFacility(): Promise<Facility> {
  const entry = await getEntry('facility', 'facility');
  if (!entry) {
    throw new Error('The facility entry is missing: publish the Facility single type in the CMS, then rebuild.');
  }
  return entry.data;
}

/** Levels of care from least to most intensive. */
export async function getProgramLevels(): Promise<ProgramLevel[]> {
  return sortByContinuum((await getCollection('programLevels')).map((entry) => entry.data));
}

/** Therapies by name. */
export async function getTreatmentModalities(): Promise<TreatmentModality[]> {
  return (await getCollection('treatmentModalities')).map((entry) => entry.data).sort(byName);
}

/** Conditions by name. */
export async function getConditions(): Promise<Condition[]> {
  return (await getCollection('conditions')).map((entry) => entry.data).sort(byName);
}

/** FAQs in editor order. */
export async function getFaqs(): Promise<Faq[]> {
  return sortFaqs((await getCollection('faqs')).map((entry) => entry.data));
}

/** The FAQ as its pages show it: `/faq/`, then `/faq/2/`... (see `faq-pages.ts`). */
export async function getFaqPages(): Promise<FaqPage<Faq>[]> {
  return paginateFaqs(await getFaqs());
}

/** The published redirects, and the entries they may point at (documentId to current slug). */
export async function getRedirectInputs(): Promise<{ redirects: Redirect[]; targets: RedirectTargets }> {
  const slugs = (entries: { documentId: string; slug: string }[]) =>
    new Map(entries.map((e) => [e.documentId, e.slug]));
  return {
    redirects: (await getCollection('redirects')).map((entry) => entry.data),
    targets: {
      'program-level': slugs(await getProgramLevels()),
      'treatment-modality': slugs(await getTreatmentModalities()),
      condition: slugs(await getConditions()),
    },
  };
}
