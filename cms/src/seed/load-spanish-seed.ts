/**
 * Reads the Spanish edition of the seed: `cms/seed/es/`, laid out like the English seed with one
 * file per English entry, named by the English slug (`es/facility.md`,
 * `es/program-levels/<english-slug>.md`, ...). A Spanish file's front matter says which English
 * entry it translates (`translationOf: <english-slug>`, `facility` for the facility) and holds
 * only the localized text fields (`LOCALIZED_FIELDS`); the Markdown after it is the Spanish
 * `body` (or `answer`). Facts that do not change with language (numbers, ASAM level, rank,
 * phones, address, relations, enums, sources, media) are the English entry's and are never
 * repeated here.
 *
 * `loadSpanishSeed` checks every Spanish file against its English entry and returns each entry
 * as it would be seeded in Spanish: the English entry with the Spanish text over it, checked
 * against the same generated seed schema (lengths included). Relations stay English slugs: the
 * Spanish locale of a document links the same documents. The checks, each naming the file and
 * the field: one Spanish file per English entry and none for an entry that does not exist;
 * every localized field the English entry has, and no other field; valid Spanish slugs, unique
 * per type; and faithfulness: every number, `{placeholder}` and link target of an English text
 * field appears in the Spanish field as often.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadSeedContent, readSeedFields, SeedValidationError, type SeedContent } from './load-seed-content';
import {
  seedTypes,
  type ConditionSeed,
  type FacilitySeed,
  type FaqSeed,
  type ProgramLevelSeed,
  type SeedTypeKey,
  type TreatmentModalitySeed,
} from './generated/seed-schemas';

/** The folder of the Spanish edition inside the seed folder. */
export const SPANISH_SEED_FOLDER = 'es';

/** The seed types that have a Spanish edition (redirects are not content). */
export type TranslatedTypeKey = Exclude<SeedTypeKey, 'redirects'>;

/** What a translation gives for one type: top-level text fields, and the text subfields of components. */
export interface LocalizedFieldSpec {
  /** Text fields, the slug and the Markdown field (written after the front matter). */
  text: readonly string[];
  /** Component fields: the text subfields a translation gives. The other subfields are shared facts. */
  components: Readonly<Record<string, readonly string[]>>;
}

const SEO = ['metaTitle', 'metaDescription'] as const;
const IMAGE = ['alt', 'caption'] as const;

/**
 * The localized fields of each type. Everything else is a shared fact: numbers, ASAM level,
 * rank, enums, booleans, phones and their display, email, address, geo, accreditations, URLs,
 * relations, `sources` (the cited works are English publications, cited by their own titles),
 * `medicalReview` (a reviewer's name and credentials) and image credits.
 */
export const LOCALIZED_FIELDS = {
  facility: {
    text: ['name', 'tagline', 'description', 'serviceArea', 'admissionsHours', 'legalDisclaimer'],
    components: { crisisResources: ['name', 'description'], photos: IMAGE, seo: SEO },
  },
  'program-levels': {
    text: ['name', 'shortName', 'slug', 'summary', 'body', 'availabilityNote'],
    components: {
      heroImage: IMAGE,
      schedule: ['label'],
      alternateSchedules: ['label'],
      goals: ['text'],
      suitedFor: ['text'],
      seo: SEO,
    },
  },
  'treatment-modalities': {
    text: ['name', 'shortName', 'slug', 'summary', 'body'],
    components: { heroImage: IMAGE, benefits: ['text'], seo: SEO },
  },
  conditions: {
    text: ['name', 'slug', 'summary', 'body'],
    components: { heroImage: IMAGE, seo: SEO },
  },
  faqs: { text: ['question', 'slug', 'answer'], components: {} },
} as const satisfies Record<TranslatedTypeKey, LocalizedFieldSpec>;

/** A seeded entry in Spanish: the English entry with the Spanish text, and the English slug it translates. */
export type Translated<T> = T & { translationOf: string };

/** Everything the Spanish edition seeds, in the shape of `SeedContent`. Relations are English slugs. */
export interface SpanishSeedContent {
  facility: Translated<FacilitySeed>;
  programLevels: Translated<ProgramLevelSeed>[];
  modalities: Translated<TreatmentModalitySeed>[];
  conditions: Translated<ConditionSeed>[];
  faqs: Translated<FaqSeed>[];
}

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A valid Spanish slug: lowercase ASCII words joined by hyphens (no accents, no ñ). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The numbers in a text: runs of digits, with the hyphens and points that join digits inside
 * one number (`1-800-662-4357`, `3.7`). `24/7` is two numbers, so Spanish may write it
 * "24 horas, 7 días".
 */
export function numbersIn(text: string): string[] {
  return text.match(/\d+(?:[.-]\d+)*/g) ?? [];
}

/** `{phone}` and the other placeholders the site fills in. */
export function placeholdersIn(text: string): string[] {
  return text.match(/\{[A-Za-z]+\}/g) ?? [];
}

/** The targets of Markdown links: `[text](/programs/medical-detox/)` gives `/programs/medical-detox/`. */
export function linkTargetsIn(text: string): string[] {
  return [...text.matchAll(/\]\(\s*([^)\s]+)\s*\)/g)].map((m) => m[1] ?? '');
}

function counts(items: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of items) map.set(item, (map.get(item) ?? 0) + 1);
  return map;
}

/**
 * What of one English text field is missing from its Spanish counterpart: numbers,
 * placeholders and link targets, each as often as the English has it.
 */
export function faithfulnessProblems(where: string, english: string, spanish: string): string[] {
  const problems: string[] = [];
  const checks = [
    ['number', numbersIn],
    ['placeholder', placeholdersIn],
    ['link target', linkTargetsIn],
  ] as const;
  for (const [kind, find] of checks) {
    const inSpanish = counts(find(spanish));
    for (const [item, times] of counts(find(english))) {
      const found = inSpanish.get(item) ?? 0;
      if (found < times)
        problems.push(
          `${where}: ${kind} "${item}" is missing: the English has it ${times === 1 ? 'once' : `${times} times`}, the Spanish ${found === 0 ? 'not at all' : found === 1 ? 'once' : `${found} times`}`,
        );
    }
  }
  return problems;
}

/** The English entries of each type, by their slug (`facility` for the facility). */
function englishEntries(english: SeedContent): Record<TranslatedTypeKey, Map<string, Fields>> {
  const bySlug = (entries: (Fields & { slug: string })[]) => new Map<string, Fields>(entries.map((e) => [e.slug, e]));
  return {
    facility: new Map<string, Fields>([['facility', english.facility]]),
    'program-levels': bySlug(english.programLevels),
    'treatment-modalities': bySlug(english.modalities),
    conditions: bySlug(english.conditions),
    faqs: bySlug(english.faqs),
  };
}

const TYPE_ORDER: TranslatedTypeKey[] = ['facility', 'program-levels', 'treatment-modalities', 'conditions', 'faqs'];

/** The Spanish files of a type, by the English slug their file name gives. */
function spanishFiles(spanishDir: string, key: TranslatedTypeKey, problems: string[]): Map<string, string> {
  const files = new Map<string, string>();
  if (seedTypes[key].kind === 'singleType') {
    const file = path.join(spanishDir, `${key}.md`);
    if (fs.existsSync(file)) files.set(key, file);
    return files;
  }
  const dir = path.join(spanishDir, key);
  if (!fs.existsSync(dir)) return files;
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (!name.endsWith('.md')) problems.push(`${file}: not a translation (only <english-slug>.md files belong here)`);
    else files.set(name.slice(0, -'.md'.length), file);
  }
  return files;
}

/** Reads one Spanish file: its localized fields (the Markdown in the type's body field), or `null`. */
function readSpanishFile(file: string, key: TranslatedTypeKey, problems: string[]): Fields | null {
  return readSeedFields(file, seedTypes[key].bodyField, problems);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Checks a Spanish entry's fields against its English entry: the same localized fields, no
 * shared ones, and every number, placeholder and link target. Returns the entry as seeded in
 * Spanish (English facts, Spanish text), or `null` when its fields do not line up.
 */
function translateEntry(
  file: string,
  key: TranslatedTypeKey,
  englishSlug: string,
  english: Fields,
  spanish: Fields,
  problems: string[],
): Fields | null {
  const spec: LocalizedFieldSpec = LOCALIZED_FIELDS[key];
  const before = problems.length;
  const merged: Fields = structuredClone(english);
  const entry = key === 'facility' ? 'facility' : `${key}/${englishSlug}`;

  const translationOf = spanish['translationOf'];
  if (translationOf !== englishSlug)
    problems.push(
      `${file}: translationOf: "${String(translationOf)}" differs from the file name; name the file after the English entry it translates`,
    );

  /** One localized string: present whenever the English has it, and faithful to it. */
  const text = (at: string, en: unknown, es: unknown, set: (value: string) => void) => {
    if (en === undefined) {
      if (es !== undefined)
        problems.push(`${file}: ${at}: the English entry has no ${at}, so the translation must not`);
      return;
    }
    if (!isText(es)) {
      problems.push(`${file}: ${at}: missing; the English entry ${entry} has it`);
      return;
    }
    if (typeof en === 'string' && at !== 'slug') problems.push(...faithfulnessProblems(`${entry}: ${at}`, en, es));
    set(es);
  };

  for (const field of Object.keys(spanish)) {
    if (field === 'translationOf' || spec.text.includes(field) || field in spec.components) continue;
    problems.push(
      `${file}: ${field}: not a localized field of ${key}; shared facts (numbers, phones, relations, enums, sources...) come from the English entry`,
    );
  }
  for (const field of spec.text) text(field, english[field], spanish[field], (v) => (merged[field] = v));

  for (const [field, subfields] of Object.entries(spec.components)) {
    const en = english[field];
    const es = spanish[field];
    if (en === undefined) {
      if (es !== undefined)
        problems.push(`${file}: ${field}: the English entry has no ${field}, so the translation must not`);
      continue;
    }
    const one = (at: string, enItem: unknown, esItem: unknown, target: Fields) => {
      if (!isRecord(enItem)) return;
      if (esItem !== undefined && !isRecord(esItem)) {
        problems.push(`${file}: ${at}: expected its text fields (${subfields.join(', ')})`);
        return;
      }
      const item = esItem ?? {};
      for (const sub of Object.keys(item))
        if (!subfields.includes(sub))
          problems.push(`${file}: ${at}.${sub}: not a localized field; it comes from the English entry`);
      for (const sub of subfields) text(`${at}.${sub}`, enItem[sub], item[sub], (v) => (target[sub] = v));
    };
    if (Array.isArray(en)) {
      const list = Array.isArray(es) ? es : [];
      if (!Array.isArray(es) || es.length !== en.length) {
        problems.push(
          `${file}: ${field}: the English has ${en.length} item(s); give the text of each, in the same order (found ${Array.isArray(es) ? es.length : 'none'})`,
        );
        continue;
      }
      const target = merged[field] as unknown[];
      en.forEach((enItem, i) => one(`${field}.${i}`, enItem, list[i], target[i] as Fields));
    } else {
      const wantsText = isRecord(en) && subfields.some((sub) => en[sub] !== undefined);
      if (es === undefined && !wantsText) continue;
      one(field, en, es, merged[field] as Fields);
    }
  }

  if (problems.length > before) return null;
  const parsed = seedTypes[key].schema.safeParse(merged);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${file}: ${issue.path.length ? issue.path.join('.') : '(front matter)'}: ${issue.message}`);
    return null;
  }
  return { ...(parsed.data as Fields), translationOf: englishSlug };
}

/**
 * Every problem of the Spanish edition under `seedDir/es`, and the entries as seeded in Spanish
 * (complete only when there is no problem). `english` is the English seed, read from `seedDir`
 * when not given.
 */
export function checkSpanishSeed(
  seedDir: string,
  english: SeedContent = loadSeedContent(seedDir),
): { problems: string[]; entries: Record<TranslatedTypeKey, Fields[]> } {
  const problems: string[] = [];
  const spanishDir = path.join(seedDir, SPANISH_SEED_FOLDER);
  const entries: Record<TranslatedTypeKey, Fields[]> = {
    facility: [],
    'program-levels': [],
    'treatment-modalities': [],
    conditions: [],
    faqs: [],
  };
  if (!fs.existsSync(spanishDir)) return { problems: [`${spanishDir}: missing folder`], entries };

  const expected = new Set(TYPE_ORDER.map((key) => (seedTypes[key].kind === 'singleType' ? `${key}.md` : key)));
  for (const name of fs.readdirSync(spanishDir))
    if (!expected.has(name) && name !== 'README.md')
      problems.push(`${path.join(spanishDir, name)}: not a translation file or folder`);

  const englishByType = englishEntries(english);
  for (const key of TYPE_ORDER) {
    const englishOfType = englishByType[key];
    const files = spanishFiles(spanishDir, key, problems);
    for (const englishSlug of englishOfType.keys())
      if (!files.has(englishSlug)) {
        const expectedFile = seedTypes[key].kind === 'singleType' ? `${key}.md` : `${key}/${englishSlug}.md`;
        problems.push(
          `${key === 'facility' ? key : `${key}/${englishSlug}`}: no Spanish translation (expected ${path.join(spanishDir, expectedFile)})`,
        );
      }
    const slugs = new Map<string, string>();
    for (const [englishSlug, file] of files) {
      const englishEntry = englishOfType.get(englishSlug);
      if (!englishEntry) {
        problems.push(`${file}: translates "${englishSlug}", which is not an English ${key} entry`);
        continue;
      }
      const spanish = readSpanishFile(file, key, problems);
      if (!spanish) continue;
      const slug = spanish['slug'];
      if (seedTypes[key].kind === 'collectionType' && typeof slug === 'string') {
        if (!SLUG.test(slug))
          problems.push(`${file}: slug: "${slug}" is not a slug (lowercase a-z, 0-9 and single hyphens; no accents)`);
        const other = slugs.get(slug);
        if (other) problems.push(`${file}: slug: "${slug}" is also the slug of ${other}`);
        slugs.set(slug, file);
      }
      const entry = translateEntry(file, key, englishSlug, englishEntry, spanish, problems);
      if (entry) entries[key].push(entry);
    }
  }
  return { problems, entries };
}

/**
 * Reads and checks the Spanish edition under `seedDir/es`. Throws a `SeedValidationError` that
 * lists every problem (file or entry, and field) when anything is missing or unfaithful.
 */
export function loadSpanishSeed(seedDir: string, english?: SeedContent): SpanishSeedContent {
  const { problems, entries } = checkSpanishSeed(seedDir, english);
  const facility = entries.facility[0];
  if (problems.length > 0 || !facility) throw new SeedValidationError(problems);
  return {
    facility: facility as Translated<FacilitySeed>,
    programLevels: entries['program-levels'] as Translated<ProgramLevelSeed>[],
    modalities: entries['treatment-modalities'] as Translated<TreatmentModalitySeed>[],
    conditions: entries.conditions as Translated<ConditionSeed>[],
    faqs: entries.faqs as Translated<FaqSeed>[],
  };
}
