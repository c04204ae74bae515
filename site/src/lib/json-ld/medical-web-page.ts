import type { MedicalReview } from '@clinic/shared-types';
import { hreflangOf, type Lang } from '../../i18n/lang.ts';
import { clinicId, type JsonLdNode } from './types.ts';

export interface MedicalWebPageInput {
  pageUrl: string;
  siteUrl: string | URL;
  siteName: string;
  name: string;
  description: string;
  /** What the page is about, e.g. `{ '@type': 'MedicalCondition', name: 'Alcohol use disorder' }`. */
  about?: { '@type': string; name: string } | undefined;
  /** ISO timestamp of the content's last change. */
  dateModified?: string | undefined;
  /** Only a real clinical review adds `lastReviewed` and `reviewedBy`. */
  medicalReview?: Pick<MedicalReview, 'reviewerName' | 'credentials' | 'reviewedOn'> | null | undefined;
  /** The page's language, as `inLanguage` (en-US, es-US). @default 'en' */
  lang?: Lang | undefined;
}

/**
 * A `MedicalWebPage` for a page about a level of care, a therapy or a condition. It names
 * the clinic as publisher and, only when a clinician reviewed the page, when and by whom.
 */
export function buildMedicalWebPage(input: MedicalWebPageInput): JsonLdNode {
  const { pageUrl, siteUrl, medicalReview: review } = input;
  return {
    '@type': 'MedicalWebPage',
    '@id': `${pageUrl}#webpage`,
    url: pageUrl,
    name: input.name,
    description: input.description,
    inLanguage: hreflangOf[input.lang ?? 'en'],
    isPartOf: {
      '@type': 'WebSite',
      '@id': new URL('/#website', siteUrl).href,
      name: input.siteName,
      url: new URL('/', siteUrl).href,
    },
    publisher: { '@id': clinicId(siteUrl) },
    breadcrumb: { '@id': `${pageUrl}#breadcrumb` },
    ...(input.about ? { about: input.about } : {}),
    ...(input.dateModified ? { dateModified: input.dateModified } : {}),
    ...(review
      ? {
          lastReviewed: review.reviewedOn,
          reviewedBy: { '@type': 'Person', name: review.reviewerName, honorificSuffix: review.credentials },
        }
      : {}),
  };
}
