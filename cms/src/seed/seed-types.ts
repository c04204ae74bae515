/**
 * Shapes of the content seeded into the CMS on first run.
 *
 * They mirror the Strapi schemas under `cms/src/api/<name>/content-types/<name>/schema.json` and
 * `cms/src/components/shared/<name>.json`, with three differences:
 * - relations are given as slugs (strings); the seed runner resolves them to documentIds;
 * - inverse sides of relations (`mappedBy` in the schema) are never set here: the owning
 *   side links them (for example a FAQ is linked to a level through `ProgramLevelSeed.faqs`);
 * - media fields (such as `seo.socialImage`) are left out.
 *
 * An attribute is optional here exactly when the schema does not mark it `required`; relation
 * slug lists on the owning side are always given, possibly empty.
 * `content.test.ts` checks the seed against the schema files themselves.
 */

/** `shared.list-item`: one short point in a bulleted list (max 200 chars). */
export interface ListItemSeed {
  text: string;
}

/** `shared.address`. Region and country are two capital letters (`CA`, `US`). */
export interface AddressSeed {
  streetAddress?: string;
  locality: string;
  region: string;
  postalCode?: string;
  country: string;
}

/** `shared.geo`: decimal degrees. */
export interface GeoSeed {
  latitude: number;
  longitude: number;
}

/** `shared.accreditation`: a license or accreditation the facility holds. */
export interface AccreditationSeed {
  name: string;
  issuer: string;
  number?: string;
  /** ISO date, `YYYY-MM-DD`. */
  expiresOn?: string;
}

/** `shared.crisis-resource`: where to get help right now, shown on every page. */
export interface CrisisResourceSeed {
  name: string;
  description: string;
  /** E.164 (`+18006624357`) or a three-digit short code (`988`, `911`). */
  phone?: string;
  phoneDisplay?: string;
  /** E.164. */
  tty?: string;
  ttyDisplay?: string;
  acceptsText: boolean;
  /** `https://` only. */
  url?: string;
}

/** `shared.schedule-facts`: a program's time commitment as numbers; each min <= its max. */
export interface ScheduleFactsSeed {
  label?: string;
  hoursPerWeekMin?: number;
  hoursPerWeekMax?: number;
  daysPerWeekMin?: number;
  daysPerWeekMax?: number;
  hoursPerDayMin?: number;
  hoursPerDayMax?: number;
  durationWeeksMin?: number;
  durationWeeksMax?: number;
}

/** `shared.source-citation`: a published source that backs a claim on the page. */
export interface SourceSeed {
  title: string;
  publisher: string;
  url?: string;
  year?: number;
}

/** `shared.medical-review`: who clinically reviewed the page, and when. */
export interface MedicalReviewSeed {
  reviewerName: string;
  credentials: string;
  /** ISO date, `YYYY-MM-DD`. */
  reviewedOn: string;
}

/** `shared.seo`, without the `socialImage` media field. */
export interface SeoSeed {
  /** At most 60 characters. */
  metaTitle?: string;
  /** 50 to 160 characters. */
  metaDescription?: string;
  canonicalUrl?: string;
  noindex: boolean;
}

/** `setting` of a program level. */
export type ProgramSetting = 'community' | 'outpatient' | 'day-program' | 'residential' | 'inpatient-medical';

/** `category` of a treatment modality. */
export type ModalityCategory = 'psychotherapy' | 'group-support' | 'medication' | 'family';

/** `topic` of a FAQ. */
export type FaqTopic =
  'about-iop' | 'schedule-and-time' | 'therapies' | 'medication' | 'getting-started' | 'after-treatment';

/** `api::facility.facility` (single type). */
export interface FacilitySeed {
  name: string;
  tagline: string;
  description: string;
  /** E.164, e.g. `+19496948305`. */
  phoneE164: string;
  phoneDisplay: string;
  email: string;
  address: AddressSeed;
  geo?: GeoSeed;
  serviceArea: string;
  admissionsHours: string;
  accreditations?: AccreditationSeed[];
  crisisResources?: CrisisResourceSeed[];
  legalDisclaimer: string;
  seo?: SeoSeed;
}

/** `api::program-level.program-level`: a level of care on the ASAM continuum. */
export interface ProgramLevelSeed {
  name: string;
  shortName?: string;
  slug: string;
  asamLevel?: string;
  /** Position on the continuum, least intensive first; unique. */
  continuumRank: number;
  summary: string;
  /** Markdown. */
  body?: string;
  schedule?: ScheduleFactsSeed;
  alternateSchedules?: ScheduleFactsSeed[];
  setting: ProgramSetting;
  virtualOption: boolean;
  offeredOnSite: boolean;
  availabilityNote?: string;
  goals?: ListItemSeed[];
  suitedFor?: ListItemSeed[];
  /** Slugs of `ModalitySeed`s. */
  modalities: string[];
  /** Slugs of `ConditionSeed`s. */
  conditions: string[];
  /** Slugs of `FaqSeed`s. */
  faqs: string[];
  medicalReview?: MedicalReviewSeed;
  sources?: SourceSeed[];
  seo?: SeoSeed;
}

/** `api::treatment-modality.treatment-modality`. `programLevels` is the inverse side: not set here. */
export interface ModalitySeed {
  name: string;
  shortName?: string;
  slug: string;
  summary: string;
  /** Markdown. */
  body?: string;
  benefits?: ListItemSeed[];
  category: ModalityCategory;
  /** Slugs of `ConditionSeed`s. */
  conditions: string[];
  medicalReview?: MedicalReviewSeed;
  sources?: SourceSeed[];
  seo?: SeoSeed;
}

/** `api::condition.condition`. Both of its relations are inverse sides: not set here. */
export interface ConditionSeed {
  name: string;
  slug: string;
  summary: string;
  /** Markdown. */
  body?: string;
  medicalReview?: MedicalReviewSeed;
  sources?: SourceSeed[];
  seo?: SeoSeed;
}

/** `api::faq.faq`. Levels link FAQs through `ProgramLevelSeed.faqs`. */
export interface FaqSeed {
  question: string;
  slug: string;
  /** Markdown. */
  answer: string;
  topic: FaqTopic;
  /** Sort order within its topic, lowest first. */
  order: number;
  sources?: SourceSeed[];
}

/** Everything the seed runner writes on first run. */
export interface SeedContent {
  facility: FacilitySeed;
  programLevels: ProgramLevelSeed[];
  modalities: ModalitySeed[];
  conditions: ConditionSeed[];
  faqs: FaqSeed[];
}
