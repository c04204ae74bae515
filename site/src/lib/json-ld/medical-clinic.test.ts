import { describe, expect, it } from 'vitest';
import {
  buildMedicalClinic,
  selectOnSiteServices,
  type ClinicFacts,
  type ServiceSourceLevel,
} from './medical-clinic.ts';

/** The day the pages are rendered on, in tests. */
const today = new Date('2026-12-02T00:00:00Z');

const facility: ClinicFacts = {
  name: 'California Detox',
  description: 'An addiction and mental health treatment center in Laguna Beach.',
  phoneE164: '+19496948305',
  email: 'admissions@example.org',
  serviceArea: 'Orange County, California',
  address: { id: 1, streetAddress: null, locality: 'Laguna Beach', region: 'CA', postalCode: null, country: 'US' },
  geo: null,
  accreditations: [],
};

const levels: ServiceSourceLevel[] = [
  {
    name: 'Intensive outpatient program',
    slug: 'intensive-outpatient-program',
    offeredOnSite: false,
    modalities: [{ name: 'Group therapy', slug: 'group-therapy', category: 'group-support' }],
  },
  {
    name: 'Residential treatment',
    slug: 'residential-treatment',
    offeredOnSite: true,
    modalities: [
      { name: 'Psychotherapy', slug: 'psychotherapy', category: 'psychotherapy' },
      { name: 'Medication-assisted treatment', slug: 'medication-assisted-treatment', category: 'medication' },
    ],
  },
  {
    name: 'Medical detox',
    slug: 'medical-detox',
    offeredOnSite: true,
    modalities: [
      { name: 'Medication-assisted treatment', slug: 'medication-assisted-treatment', category: 'medication' },
    ],
  },
];

describe('selectOnSiteServices', () => {
  const services = selectOnSiteServices(levels, 'https://www.example.org');

  it('lists the levels offered on site and their therapies, once each, with absolute URLs', () => {
    expect(services).toEqual([
      {
        '@type': 'MedicalTherapy',
        name: 'Residential treatment',
        url: 'https://www.example.org/programs/residential-treatment/',
      },
      { '@type': 'MedicalTherapy', name: 'Medical detox', url: 'https://www.example.org/programs/medical-detox/' },
      {
        '@type': 'MedicalTherapy',
        name: 'Medication-assisted treatment',
        url: 'https://www.example.org/treatments/medication-assisted-treatment/',
      },
      {
        '@type': 'PsychologicalTreatment',
        name: 'Psychotherapy',
        url: 'https://www.example.org/treatments/psychotherapy/',
      },
    ]);
  });

  it('links the Spanish pages of the services on a Spanish page', () => {
    expect(selectOnSiteServices(levels, 'https://www.example.org', 'es')[0]?.url).toBe(
      'https://www.example.org/es/programs/residential-treatment/',
    );
  });

  it('leaves out levels arranged through partners and therapies used only there', () => {
    const names = services.map((s) => s.name);
    expect(names).not.toContain('Intensive outpatient program');
    expect(names).not.toContain('Group therapy');
  });
});

describe('buildMedicalClinic', () => {
  it('describes the clinic with its contact, address, area served and services', () => {
    const services = selectOnSiteServices(levels, 'https://www.example.org');
    const node = buildMedicalClinic({ facility, siteUrl: 'https://www.example.org', services, today });
    expect(node).toMatchObject({
      '@type': 'MedicalClinic',
      '@id': 'https://www.example.org/#clinic',
      name: 'California Detox',
      url: 'https://www.example.org/',
      telephone: '+19496948305',
      address: { '@type': 'PostalAddress', addressLocality: 'Laguna Beach', addressRegion: 'CA', addressCountry: 'US' },
      areaServed: { '@type': 'AdministrativeArea', name: 'Orange County, California' },
      availableService: services,
    });
  });

  it('says its admissions team speaks English and Spanish', () => {
    const node = buildMedicalClinic({ facility, siteUrl: 'https://www.example.org', services: [], today });
    expect(node['contactPoint']).toEqual({
      '@type': 'ContactPoint',
      contactType: 'admissions',
      telephone: '+19496948305',
      email: 'admissions@example.org',
      availableLanguage: [
        { '@type': 'Language', name: 'English', alternateName: 'en' },
        { '@type': 'Language', name: 'Spanish', alternateName: 'es' },
      ],
    });
  });

  it('omits address parts, coordinates and credentials the CMS does not have', () => {
    const node = buildMedicalClinic({ facility, siteUrl: 'https://www.example.org', services: [], today });
    const address = node['address'] as Record<string, unknown>;
    expect(address).not.toHaveProperty('streetAddress');
    expect(address).not.toHaveProperty('postalCode');
    expect(node).not.toHaveProperty('geo');
    expect(node).not.toHaveProperty('hasCredential');
    expect(node).not.toHaveProperty('availableService');
    expect(node).not.toHaveProperty('image');
  });

  it('includes the street, coordinates and current licences when known, and drops expired ones', () => {
    const node = buildMedicalClinic({
      facility: {
        ...facility,
        address: { ...facility.address, streetAddress: '1 Coast Hwy', postalCode: '92651' },
        geo: { id: 1, latitude: 33.54, longitude: -117.78 },
        accreditations: [
          { id: 1, name: 'Facility licence', issuer: 'California DHCS', number: 'A-1', expiresOn: '2030-01-01' },
          { id: 2, name: 'Old licence', issuer: 'Someone', number: null, expiresOn: '2020-01-01' },
        ],
      },
      siteUrl: 'https://www.example.org',
      services: [],
      imageUrl: 'https://cms.example.org/uploads/clinic.jpg',
      today: new Date('2026-06-01T00:00:00Z'),
    });
    expect(node['address']).toMatchObject({ streetAddress: '1 Coast Hwy', postalCode: '92651' });
    expect(node['geo']).toEqual({ '@type': 'GeoCoordinates', latitude: 33.54, longitude: -117.78 });
    expect(node['image']).toBe('https://cms.example.org/uploads/clinic.jpg');
    expect(node['hasCredential']).toEqual([
      {
        '@type': 'EducationalOccupationalCredential',
        name: 'Facility licence',
        credentialCategory: 'license',
        recognizedBy: { '@type': 'Organization', name: 'California DHCS' },
        identifier: 'A-1',
        expires: '2030-01-01',
      },
    ]);
  });
});
