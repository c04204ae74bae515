import { describe, expect, it } from 'vitest';
import { buildMedicalWebPage, type MedicalWebPageInput } from './medical-web-page.ts';

const base: MedicalWebPageInput = {
  pageUrl: 'https://www.example.org/programs/iop/',
  siteUrl: 'https://www.example.org',
  siteName: 'California Detox',
  name: 'Intensive outpatient program',
  description: 'What an IOP involves.',
  about: { '@type': 'MedicalTherapy', name: 'Intensive outpatient program' },
  dateModified: '2026-11-27T21:18:20.827Z',
};

describe('buildMedicalWebPage', () => {
  it('describes the page, links it to the clinic and its breadcrumb', () => {
    expect(buildMedicalWebPage(base)).toEqual({
      '@type': 'MedicalWebPage',
      '@id': 'https://www.example.org/programs/iop/#webpage',
      url: 'https://www.example.org/programs/iop/',
      name: 'Intensive outpatient program',
      description: 'What an IOP involves.',
      inLanguage: 'en-US',
      isPartOf: {
        '@type': 'WebSite',
        '@id': 'https://www.example.org/#website',
        name: 'California Detox',
        url: 'https://www.example.org/',
      },
      publisher: { '@id': 'https://www.example.org/#clinic' },
      breadcrumb: { '@id': 'https://www.example.org/programs/iop/#breadcrumb' },
      about: { '@type': 'MedicalTherapy', name: 'Intensive outpatient program' },
      dateModified: '2026-11-27T21:18:20.827Z',
    });
  });

  it('says a Spanish page is in Spanish', () => {
    expect(buildMedicalWebPage({ ...base, lang: 'es' })['inLanguage']).toBe('es-US');
  });

  it('has no review claims when nobody reviewed the page', () => {
    const node = buildMedicalWebPage({ ...base, medicalReview: null });
    expect(node).not.toHaveProperty('lastReviewed');
    expect(node).not.toHaveProperty('reviewedBy');
  });

  it('adds lastReviewed and the reviewer with credentials when reviewed', () => {
    const node = buildMedicalWebPage({
      ...base,
      medicalReview: { reviewerName: 'Dana Lee', credentials: 'MD', reviewedOn: '2026-10-01' },
    });
    expect(node['lastReviewed']).toBe('2026-10-01');
    expect(node['reviewedBy']).toEqual({ '@type': 'Person', name: 'Dana Lee', honorificSuffix: 'MD' });
  });
});
