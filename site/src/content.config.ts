/**
 * The site's content: every collection comes from the CMS through one loader, validated
 * with the schemas generated from the Strapi content types (`@clinic/shared-types`).
 *
 * Entry ids: collection entries are keyed by Strapi `documentId` (look pages up by `slug`
 * with `getCollection`); the facility is `getEntry('facility', 'facility')`. Each localized
 * collection holds both languages: the Spanish version of an entry is `es/<documentId>`
 * (`es/facility`). Read them through `lib/site-content.ts`, whose getters take a language.
 */
import { defineCollection } from 'astro:content';
import { contentTypes } from '@clinic/shared-types';
import { strapiLoader } from './loaders/strapi-loader.ts';

const programLevels = defineCollection({
  loader: strapiLoader({ contentType: 'program-levels' }),
  schema: contentTypes['program-levels'].schema,
});

const treatmentModalities = defineCollection({
  loader: strapiLoader({ contentType: 'treatment-modalities' }),
  schema: contentTypes['treatment-modalities'].schema,
});

const conditions = defineCollection({
  loader: strapiLoader({ contentType: 'conditions' }),
  schema: contentTypes.conditions.schema,
});

const faqs = defineCollection({
  loader: strapiLoader({ contentType: 'faqs' }),
  schema: contentTypes.faqs.schema,
});

const facility = defineCollection({
  loader: strapiLoader({ contentType: 'facility' }),
  schema: contentTypes.facility.schema,
});

const redirects = defineCollection({
  loader: strapiLoader({ contentType: 'redirects' }),
  schema: contentTypes.redirects.schema,
});

export const collections = { programLevels, treatmentModalities, conditions, faqs, facility, redirects };
