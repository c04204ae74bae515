/**
 * Checks the seed content, as `loadSeedContent` reads it from the Markdown files in `cms/seed/`,
 * against the Strapi schema files themselves, so a schema change (a shorter limit, a new
 * required field, a renamed enum value) fails here before Strapi rejects the seed at boot. The
 * walk is generic: it goes by attribute type, not by field name. It is independent of the
 * generated seed schemas that the loader checks with, and also covers what they do not: empty
 * required strings, min <= max pairs, unique attributes. Then it checks the client's facts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeedContent, seedDirOf } from './load-seed-content';
import { checkFacilityPhones } from '../validation/facility-phones';
import { findTypedFacilityPhones, placeholderFields } from '../validation/typed-facility-phone';

interface Attribute {
  type: string;
  required?: boolean;
  unique?: boolean;
  maxLength?: number;
  minLength?: number;
  regex?: string;
  enum?: string[];
  min?: number;
  max?: number;
  component?: string;
  repeatable?: boolean;
  relation?: string;
  target?: string;
  mappedBy?: string;
  inversedBy?: string;
}

interface Schema {
  attributes: Record<string, Attribute>;
}

type SeedRecord = Record<string, unknown>;

/** `cms/src`, found from the working directory so the test runs from the repo root or from `cms/`. */
function findCmsSrc(): string {
  let dir = process.cwd();
  for (;;) {
    for (const candidate of [path.join(dir, 'cms', 'src'), path.join(dir, 'src')]) {
      if (fs.existsSync(path.join(candidate, 'api')) && fs.existsSync(path.join(candidate, 'seed'))) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cms/src not found above ${process.cwd()}`);
    dir = parent;
  }
}

const CMS_SRC = findCmsSrc();
const seedContent = loadSeedContent(seedDirOf(path.dirname(CMS_SRC)));

function readSchema(file: string): Schema {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Schema>;
  if (!json.attributes) throw new Error(`${file} has no attributes`);
  return { attributes: json.attributes };
}

/** `api::program-level.program-level` -> its schema.json. */
function contentTypeSchema(uid: string): Schema {
  const match = /^api::([a-z0-9-]+)\.([a-z0-9-]+)$/.exec(uid);
  if (!match?.[1] || !match[2]) throw new Error(`unexpected content-type uid ${uid}`);
  return readSchema(path.join(CMS_SRC, 'api', match[1], 'content-types', match[2], 'schema.json'));
}

/** `shared.seo` -> components/shared/seo.json. */
function componentSchema(uid: string): Schema {
  const [category, name] = uid.split('.');
  if (!category || !name) throw new Error(`unexpected component uid ${uid}`);
  return readSchema(path.join(CMS_SRC, 'components', category, `${name}.json`));
}

/** Seed collections and the content types they fill. */
const COLLECTIONS = {
  programLevels: 'api::program-level.program-level',
  modalities: 'api::treatment-modality.treatment-modality',
  conditions: 'api::condition.condition',
  faqs: 'api::faq.faq',
} as const;
type CollectionKey = keyof typeof COLLECTIONS;
const COLLECTION_KEYS = Object.keys(COLLECTIONS) as CollectionKey[];
const FACILITY_UID = 'api::facility.facility';

function isRecord(value: unknown): value is SeedRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The seed as plain JSON, the way the runner hands it to Strapi. */
const raw: unknown = JSON.parse(JSON.stringify(seedContent));
if (!isRecord(raw) || !isRecord(raw['facility'])) throw new Error('seed content is not an object with a facility');
const facility: SeedRecord = raw['facility'];

function entries(key: CollectionKey): SeedRecord[] {
  const list = isRecord(raw) ? raw[key] : undefined;
  if (!Array.isArray(list)) throw new Error(`seed content has no ${key} array`);
  return list.filter(isRecord);
}

function slugOf(entry: SeedRecord): string {
  return typeof entry['slug'] === 'string' ? entry['slug'] : '';
}

/** Slugs seeded for each content-type uid, to resolve relations. */
const slugsByUid = new Map<string, Set<string>>(
  COLLECTION_KEYS.map((key) => [COLLECTIONS[key], new Set(entries(key).map(slugOf))]),
);

const STRING_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const KEBAB_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every value-level problem of one entry (or component) against its attributes. Relations are checked separately. */
function valueProblems(value: SeedRecord, schema: Schema, where: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (!(key in schema.attributes)) problems.push(`${where}.${key}: not an attribute in the schema`);
  }
  for (const [name, attr] of Object.entries(schema.attributes)) {
    const at = `${where}.${name}`;
    const v = value[name];
    if (v === undefined || v === null) {
      if (attr.required) problems.push(`${at}: required but missing`);
      continue;
    }
    problems.push(...attributeProblems(v, attr, at));
  }
  // Paired bounds (`hoursPerWeekMin`/`hoursPerWeekMax`, ...): the minimum must not exceed the maximum.
  for (const name of Object.keys(schema.attributes)) {
    if (!name.endsWith('Min')) continue;
    const maxName = `${name.slice(0, -3)}Max`;
    const min = value[name];
    const max = value[maxName];
    if (typeof min === 'number' && typeof max === 'number' && min > max)
      problems.push(`${where}: ${name} ${min} > ${maxName} ${max}`);
  }
  return problems;
}

function attributeProblems(v: unknown, attr: Attribute, at: string): string[] {
  const problems: string[] = [];
  if (STRING_TYPES.has(attr.type)) {
    if (typeof v !== 'string') return [`${at}: expected a string`];
    if (attr.required && v.trim() === '') problems.push(`${at}: required but empty`);
    if (attr.maxLength !== undefined && v.length > attr.maxLength)
      problems.push(`${at}: ${v.length} chars > maxLength ${attr.maxLength}`);
    if (attr.minLength !== undefined && v.length < attr.minLength)
      problems.push(`${at}: ${v.length} chars < minLength ${attr.minLength}`);
    if (attr.regex !== undefined && !new RegExp(attr.regex).test(v))
      problems.push(`${at}: "${v}" does not match ${attr.regex}`);
    if (attr.type === 'email' && !EMAIL.test(v)) problems.push(`${at}: "${v}" is not an email address`);
    if (attr.type === 'uid' && !KEBAB_SLUG.test(v)) problems.push(`${at}: "${v}" is not a lowercase kebab-case slug`);
    return problems;
  }
  switch (attr.type) {
    case 'enumeration':
      if (typeof v !== 'string' || !(attr.enum ?? []).includes(v))
        problems.push(`${at}: ${JSON.stringify(v)} not in ${JSON.stringify(attr.enum)}`);
      return problems;
    case 'integer':
    case 'biginteger':
    case 'decimal':
    case 'float': {
      const integral = attr.type === 'integer' || attr.type === 'biginteger';
      if (typeof v !== 'number' || !Number.isFinite(v) || (integral && !Number.isInteger(v)))
        return [`${at}: ${JSON.stringify(v)} is not a valid ${attr.type}`];
      if (attr.min !== undefined && v < attr.min) problems.push(`${at}: ${v} < min ${attr.min}`);
      if (attr.max !== undefined && v > attr.max) problems.push(`${at}: ${v} > max ${attr.max}`);
      return problems;
    }
    case 'boolean':
      return typeof v === 'boolean' ? [] : [`${at}: expected a boolean`];
    case 'date':
      return typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v))
        ? []
        : [`${at}: expected a YYYY-MM-DD date`];
    case 'component': {
      if (!attr.component) return [`${at}: component attribute without a component uid`];
      const schema = componentSchema(attr.component);
      if (attr.repeatable) {
        if (!Array.isArray(v)) return [`${at}: expected an array of ${attr.component}`];
        if (attr.min !== undefined && v.length < attr.min) problems.push(`${at}: ${v.length} items < min ${attr.min}`);
        if (attr.max !== undefined && v.length > attr.max) problems.push(`${at}: ${v.length} items > max ${attr.max}`);
        v.forEach((item, i) => {
          if (isRecord(item)) problems.push(...valueProblems(item, schema, `${at}[${i}]`));
          else problems.push(`${at}[${i}]: expected an object`);
        });
        return problems;
      }
      return isRecord(v) ? valueProblems(v, schema, at) : [`${at}: expected an object`];
    }
    case 'relation':
      return []; // see relationProblems
    case 'media':
      return [`${at}: media is not seeded`];
    default:
      return [`${at}: attribute type "${attr.type}" is not handled by this test; extend it`];
  }
}

/** Relations: only owning sides are seeded, as slug lists that resolve to seeded entries. */
function relationProblems(value: SeedRecord, schema: Schema, where: string): string[] {
  const problems: string[] = [];
  for (const [name, attr] of Object.entries(schema.attributes)) {
    if (attr.type !== 'relation') continue;
    const at = `${where}.${name}`;
    const v = value[name];
    if (attr.mappedBy) {
      if (v !== undefined)
        problems.push(`${at}: inverse side (mappedBy ${attr.mappedBy}); link it from the owning side`);
      continue;
    }
    const toMany = attr.relation === 'manyToMany' || attr.relation === 'oneToMany';
    const slugs = toMany ? v : v === undefined ? [] : [v];
    if (!Array.isArray(slugs) || !slugs.every((s): s is string => typeof s === 'string')) {
      problems.push(`${at}: expected ${toMany ? 'an array of slugs' : 'a slug'}`);
      continue;
    }
    const known = attr.target ? slugsByUid.get(attr.target) : undefined;
    if (!known) {
      problems.push(`${at}: target ${String(attr.target)} is not a seeded collection`);
      continue;
    }
    for (const slug of slugs)
      if (!known.has(slug)) problems.push(`${at}: "${slug}" is not a seeded ${String(attr.target)}`);
    if (new Set(slugs).size !== slugs.length) problems.push(`${at}: lists a slug twice`);
  }
  return problems;
}

/** Every object anywhere in the seed, with its path. */
function walkObjects(value: unknown, at: string, visit: (obj: SeedRecord, at: string) => void): void {
  if (Array.isArray(value)) value.forEach((item, i) => walkObjects(item, `${at}[${i}]`, visit));
  else if (isRecord(value)) {
    visit(value, at);
    for (const [key, child] of Object.entries(value)) walkObjects(child, `${at}.${key}`, visit);
  }
}

/** Every string anywhere in an entry, joined, for text searches. */
function allText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(allText).join('\n');
  if (isRecord(value)) return Object.values(value).map(allText).join('\n');
  return '';
}

function sourceUrls(entry: SeedRecord): string[] {
  const sources = entry['sources'];
  return Array.isArray(sources)
    ? sources.filter(isRecord).map((s) => (typeof s['url'] === 'string' ? s['url'] : ''))
    : [];
}

const byLevelSlug = (slug: string) => seedContent.programLevels.find((level) => level.slug === slug);

describe('seed content against the Strapi schemas', () => {
  it('the facility satisfies every constraint of the facility schema', () => {
    expect(valueProblems(facility, contentTypeSchema(FACILITY_UID), 'facility')).toEqual([]);
  });

  it.each(COLLECTION_KEYS)(
    'every %s entry satisfies the lengths, patterns, enums, ranges and required fields of its schema',
    (key) => {
      const schema = contentTypeSchema(COLLECTIONS[key]);
      const list = entries(key);
      expect(list.length).toBeGreaterThan(0);
      expect(list.flatMap((entry) => valueProblems(entry, schema, `${key}/${slugOf(entry)}`))).toEqual([]);
    },
  );

  it('relations are set only on owning sides, and every relation slug resolves to a seeded entry', () => {
    const problems = [
      ...relationProblems(facility, contentTypeSchema(FACILITY_UID), 'facility'),
      ...COLLECTION_KEYS.flatMap((key) => {
        const schema = contentTypeSchema(COLLECTIONS[key]);
        return entries(key).flatMap((entry) => relationProblems(entry, schema, `${key}/${slugOf(entry)}`));
      }),
    ];
    expect(problems).toEqual([]);
  });

  it('slugs and every other unique attribute are unique within each collection', () => {
    const problems: string[] = [];
    for (const key of COLLECTION_KEYS) {
      const schema = contentTypeSchema(COLLECTIONS[key]);
      for (const [name, attr] of Object.entries(schema.attributes)) {
        if (!attr.unique && attr.type !== 'uid') continue;
        const seen = new Set<unknown>();
        for (const entry of entries(key)) {
          const v = entry[name];
          if (v === undefined) continue;
          if (seen.has(v)) problems.push(`${key}.${name}: ${JSON.stringify(v)} appears twice`);
          seen.add(v);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every schedule minimum is at most its maximum, anywhere in the seed', () => {
    const problems: string[] = [];
    walkObjects(raw, 'seed', (obj, at) => {
      for (const [key, min] of Object.entries(obj)) {
        if (!key.endsWith('Min')) continue;
        const max = obj[`${key.slice(0, -3)}Max`];
        if (typeof min === 'number' && typeof max === 'number' && min > max)
          problems.push(`${at}.${key}: ${min} > ${max}`);
      }
    });
    expect(problems).toEqual([]);
  });
});

describe('seed content carries the client copy faithfully', () => {
  it('the facility phone is the client number (949) 694-8305, stored once in E.164', () => {
    expect(seedContent.facility.phoneE164).toBe('+19496948305');
  });

  it('every crisis resource shows the number its link dials', () => {
    expect(checkFacilityPhones(seedContent.facility).errors).toEqual([]);
  });

  it('the facility lists the 988 Lifeline and the SAMHSA National Helpline as crisis resources', () => {
    const phones = (seedContent.facility.crisisResources ?? []).map((resource) => resource.phone);
    expect(phones).toContain('988');
    expect(phones).toContain('+18006624357');
  });

  it('the facility lists no accreditation and no geo position, since the copy gives none', () => {
    expect(seedContent.facility.accreditations ?? []).toEqual([]);
    expect(seedContent.facility.geo).toBeUndefined();
  });

  it('the seven levels of care run along the continuum with unique ranks 0 to 6', () => {
    const levels = [...seedContent.programLevels].sort((a, b) => a.continuumRank - b.continuumRank);
    expect(levels.map((level) => level.continuumRank)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(levels.map((level) => level.slug)).toEqual([
      'prevention-and-early-intervention',
      'outpatient-program',
      'intensive-outpatient-program',
      'partial-hospitalization-program',
      'residential-treatment',
      'medically-managed-residential-treatment',
      'medical-detox',
    ]);
  });

  it('the intensive outpatient program has 12-15 hours a week, 3-5 days, 3-4 hours a day, for 12-16 weeks', () => {
    const iop = byLevelSlug('intensive-outpatient-program');
    expect(iop?.shortName).toBe('IOP');
    expect(iop?.schedule).toMatchObject({
      hoursPerWeekMin: 12,
      hoursPerWeekMax: 15,
      daysPerWeekMin: 3,
      daysPerWeekMax: 5,
      hoursPerDayMin: 3,
      hoursPerDayMax: 4,
      durationWeeksMin: 12,
      durationWeeksMax: 16,
    });
  });

  it('the mental health IOP schedule is three hours weekly on three weekdays, as the copy states', () => {
    const alternates = byLevelSlug('intensive-outpatient-program')?.alternateSchedules ?? [];
    expect(alternates).toContainEqual({
      label: 'Mental health IOP',
      hoursPerWeekMin: 3,
      hoursPerWeekMax: 3,
      daysPerWeekMin: 3,
      daysPerWeekMax: 3,
    });
  });

  it('IOP is not offered on site but arranged through partners in Orange County, with a virtual option', () => {
    const iop = byLevelSlug('intensive-outpatient-program');
    expect(iop?.offeredOnSite).toBe(false);
    expect(iop?.virtualOption).toBe(true);
    expect(iop?.availabilityNote).toMatch(/Orange County/);
  });

  it('medical detox and residential treatment are offered on site; the other levels are not', () => {
    const onSite = seedContent.programLevels.filter((level) => level.offeredOnSite).map((level) => level.slug);
    expect(onSite.sort()).toEqual(['medical-detox', 'residential-treatment']);
    for (const level of seedContent.programLevels) {
      if (!level.offeredOnSite) expect(level.availabilityNote, level.slug).toMatch(/Orange County/);
    }
  });

  it('the partial hospitalization program schedules 5 to 6 hours on all five weekdays', () => {
    expect(byLevelSlug('partial-hospitalization-program')?.schedule).toMatchObject({
      hoursPerDayMin: 5,
      hoursPerDayMax: 6,
      daysPerWeekMin: 5,
      daysPerWeekMax: 5,
    });
  });

  it('group therapy lists the nine benefits of the copy and cites SAMHSA for groups of 8 to 15', () => {
    const group = seedContent.modalities.find((modality) => modality.slug === 'group-therapy');
    expect(group?.category).toBe('group-support');
    expect(group?.benefits).toHaveLength(9);
    expect(group?.body).toMatch(/8 to 15/);
  });

  it('every entry that quotes the NAMI figure or the SAMHSA group size cites that source', () => {
    const problems: string[] = [];
    for (const key of COLLECTION_KEYS) {
      for (const entry of entries(key)) {
        const text = allText(entry);
        const urls = sourceUrls(entry);
        if (text.includes('17 million') && !urls.some((url) => url.includes('nami.org')))
          problems.push(`${key}/${slugOf(entry)}: NAMI figure without NAMI source`);
        if (text.includes('8 to 15') && !urls.some((url) => url.includes('samhsa.gov')))
          problems.push(`${key}/${slugOf(entry)}: group size without SAMHSA source`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('no entry carries a medical review, since the copy names no reviewer', () => {
    const reviewed = COLLECTION_KEYS.flatMap((key) =>
      entries(key)
        .filter((entry) => entry['medicalReview'] !== undefined)
        .map((entry) => `${key}/${slugOf(entry)}`),
    );
    expect(reviewed).toEqual([]);
  });

  it('the slugs that the design names are all seeded', () => {
    const levelSlugs = seedContent.programLevels.map((level) => level.slug);
    const modalitySlugs = seedContent.modalities.map((modality) => modality.slug);
    expect(levelSlugs).toEqual(
      expect.arrayContaining(['intensive-outpatient-program', 'partial-hospitalization-program']),
    );
    expect(modalitySlugs).toEqual(
      expect.arrayContaining([
        'group-therapy',
        'cognitive-behavioral-therapy',
        'medication-assisted-treatment',
        'family-therapy',
      ]),
    );
    expect(seedContent.conditions.map((condition) => condition.slug)).toContain('co-occurring-disorders');
  });

  it('every FAQ is shown on at least one level of care', () => {
    const linked = new Set(seedContent.programLevels.flatMap((level) => level.faqs));
    expect(seedContent.faqs.filter((faq) => !linked.has(faq.slug)).map((faq) => faq.slug)).toEqual([]);
  });

  it('says {phone} for the admissions number, in bodies, answers and the meta description, and never types it', () => {
    const numbers = [seedContent.facility.phoneE164];
    const check = (entry: SeedRecord, uid: string, where: string) =>
      findTypedFacilityPhones(entry, numbers, placeholderFields(contentTypeSchema(uid).attributes)).map(
        (e) => `${where}: ${e.message}`,
      );
    const problems = [
      ...check(facility, FACILITY_UID, 'facility'),
      ...COLLECTION_KEYS.flatMap((key) =>
        entries(key).flatMap((entry) => check(entry, COLLECTIONS[key], `${key}/${slugOf(entry)}`)),
      ),
    ];
    expect(problems).toEqual([]);
    expect(seedContent.facility.seo?.metaDescription).toMatch(/Call \{phone\}\.$/);
    const iop = byLevelSlug('intensive-outpatient-program');
    expect(iop?.body).toContain('Call us at {phone} to talk it through.');
  });

  it('internal Markdown links point at seeded pages, and tel: links at the facility phone', () => {
    const pages = new Set<string>(['/', '/programs/', '/compare/', '/treatments/', '/faq/', '/contact/']);
    for (const level of seedContent.programLevels) pages.add(`/programs/${level.slug}/`);
    for (const modality of seedContent.modalities) pages.add(`/treatments/${modality.slug}/`);
    for (const condition of seedContent.conditions) pages.add(`/conditions/${condition.slug}/`);
    const texts: [string, string][] = [
      ['facility', allText(facility)],
      ...COLLECTION_KEYS.flatMap((key) =>
        entries(key).map((entry): [string, string] => [`${key}/${slugOf(entry)}`, allText(entry)]),
      ),
    ];
    const problems: string[] = [];
    for (const [where, text] of texts) {
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const href = match[1] ?? '';
        if (href.startsWith('tel:')) {
          if (href !== `tel:${seedContent.facility.phoneE164}`) problems.push(`${where}: ${href}`);
        } else if (href.startsWith('/')) {
          if (!pages.has(href.split('#')[0] ?? href)) problems.push(`${where}: ${href} is not a seeded page`);
        } else if (!href.startsWith('https://')) {
          problems.push(`${where}: ${href} is neither internal nor https`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
