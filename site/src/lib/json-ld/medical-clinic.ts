import type { Facility, TreatmentModality } from '@clinic/shared-types';
import { langs, type Lang } from '../../i18n/lang.ts';
import { routesFor } from '../routes.ts';
import { clinicId, type JsonLdNode } from './types.ts';

/** A service the clinic itself provides, as `availableService` lists it. */
export interface ClinicService {
  '@type': 'MedicalTherapy' | 'PsychologicalTreatment';
  name: string;
  url: string;
}

export interface ServiceSourceLevel {
  name: string;
  slug: string;
  offeredOnSite: boolean;
  modalities: readonly Pick<TreatmentModality, 'name' | 'slug' | 'category'>[];
}

function serviceTypeOf(category: TreatmentModality['category']): ClinicService['@type'] {
  return category === 'medication' ? 'MedicalTherapy' : 'PsychologicalTreatment';
}

/**
 * What the clinic offers itself: the levels of care it provides on site and the therapies
 * used at those levels. Levels arranged through partners (IOP, for this clinic) and
 * therapies used only at them are left out, so search engines are not told otherwise.
 */
export function selectOnSiteServices(
  levels: readonly ServiceSourceLevel[],
  siteUrl: string | URL,
  lang: Lang = 'en',
): ClinicService[] {
  const routes = routesFor(lang);
  const onSite = levels.filter((level) => level.offeredOnSite);
  const levelServices = onSite.map((level): ClinicService => ({
    '@type': 'MedicalTherapy',
    name: level.name,
    url: new URL(routes.program(level.slug), siteUrl).href,
  }));
  const modalities = new Map<string, ClinicService>();
  for (const modality of onSite.flatMap((level) => level.modalities)) {
    modalities.set(modality.slug, {
      '@type': serviceTypeOf(modality.category),
      name: modality.name,
      url: new URL(routes.treatment(modality.slug), siteUrl).href,
    });
  }
  const byName = (a: ClinicService, b: ClinicService) => a.name.localeCompare(b.name);
  return [...levelServices, ...[...modalities.values()].sort(byName)];
}

export type ClinicFacts = Pick<
  Facility,
  'name' | 'description' | 'phoneE164' | 'email' | 'serviceArea' | 'address' | 'geo' | 'accreditations'
>;

export interface MedicalClinicInput {
  facility: ClinicFacts;
  siteUrl: string | URL;
  services: readonly ClinicService[];
  /** Absolute URL of the clinic's image on the site: its default share image, or a card of its name. */
  imageUrl?: string | undefined;
  /** Licences that expired before this day are left out (the layout's `utcToday()`). */
  today: Date;
}

/**
 * The languages the clinic's site and admissions team speak, as schema.org `Language`s named
 * in English (machine-readable, the same on every page): English and Spanish.
 */
export function availableLanguages(): { '@type': 'Language'; name: string; alternateName: string }[] {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  return langs.map((lang) => ({ '@type': 'Language', name: names.of(lang) ?? lang, alternateName: lang }));
}

/**
 * The clinic as a `MedicalClinic`: name, contact, address, area served and services. The
 * languages spoken are on its admissions `ContactPoint`: schema.org defines `availableLanguage`
 * for a contact point, not for a clinic.
 */
export function buildMedicalClinic({ facility, siteUrl, services, imageUrl, today }: MedicalClinicInput): JsonLdNode {
  const { address, geo } = facility;
  const todayIso = today.toISOString().slice(0, 10);
  const credentials = facility.accreditations
    .filter((a) => !a.expiresOn || a.expiresOn >= todayIso)
    .map((a) => ({
      '@type': 'EducationalOccupationalCredential',
      name: a.name,
      credentialCategory: 'license',
      recognizedBy: { '@type': 'Organization', name: a.issuer },
      ...(a.number ? { identifier: a.number } : {}),
      ...(a.expiresOn ? { expires: a.expiresOn } : {}),
    }));
  return {
    '@type': 'MedicalClinic',
    '@id': clinicId(siteUrl),
    name: facility.name,
    description: facility.description,
    url: new URL('/', siteUrl).href,
    telephone: facility.phoneE164,
    email: facility.email,
    contactPoint: {
      '@type': 'ContactPoint',
      contactType: 'admissions',
      telephone: facility.phoneE164,
      email: facility.email,
      availableLanguage: availableLanguages(),
    },
    ...(imageUrl ? { image: imageUrl } : {}),
    address: {
      '@type': 'PostalAddress',
      ...(address.streetAddress ? { streetAddress: address.streetAddress } : {}),
      addressLocality: address.locality,
      addressRegion: address.region,
      ...(address.postalCode ? { postalCode: address.postalCode } : {}),
      addressCountry: address.country,
    },
    ...(geo ? { geo: { '@type': 'GeoCoordinates', latitude: geo.latitude, longitude: geo.longitude } } : {}),
    areaServed: { '@type': 'AdministrativeArea', name: facility.serviceArea },
    medicalSpecialty: 'Psychiatric',
    ...(services.length > 0 ? { availableService: services } : {}),
    ...(credentials.length > 0 ? { hasCredential: credentials } : {}),
  };
}
