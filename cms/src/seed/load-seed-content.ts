/**
 * Reads the seed: the client's copy as one Markdown file per entry under `cms/seed/`
 * (`facility.md`, `program-levels/<slug>.md`, `treatment-modalities/<slug>.md`,
 * `conditions/<slug>.md`, `faqs/<slug>.md`). Front matter (YAML between two `---` lines) holds
 * the fields; the Markdown after it fills the entry's one richtext field (`body`, or `answer`
 * for a FAQ). Each file is checked against the seed schemas generated from the Strapi schemas
 * (`generated/seed-schemas.ts`), and every relation slug must name a seeded entry. The
 * translation folders (`es/`) are skipped: see `SEED_TRANSLATION_FOLDERS`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  seedTypes,
  type ConditionSeed,
  type FacilitySeed,
  type FaqSeed,
  type ProgramLevelSeed,
  type SeedTypeKey,
  type TreatmentModalitySeed,
} from './generated/seed-schemas';

/** Everything the seed runner writes on first run. */
export interface SeedContent {
  facility: FacilitySeed;
  programLevels: ProgramLevelSeed[];
  modalities: TreatmentModalitySeed[];
  conditions: ConditionSeed[];
  faqs: FaqSeed[];
}

/**
 * Folders of translations inside the seed folder: `es/` holds the Spanish edition, one file per
 * English entry (read by `load-spanish-seed.ts`). They are not English content, so this loader
 * skips them.
 */
export const SEED_TRANSLATION_FOLDERS: readonly string[] = ['es'];

/** The seed folder of the CMS app at `appRoot` (`strapi.dirs.app.root`). */
export const seedDirOf = (appRoot: string): string => path.join(appRoot, 'seed');

/** One or more seed files do not hold valid content; each problem names the file and the field. */
export class SeedValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Seed content is invalid:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'SeedValidationError';
  }
}

/** A seed file's YAML front matter and the Markdown after it (trimmed; empty when there is none). */
export function splitFrontMatter(text: string): { frontMatter: string; body: string } | null {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[0] !== '---') return null;
  const end = lines.indexOf('---', 1);
  if (end < 0) return null;
  return {
    frontMatter: lines.slice(1, end).join('\n'),
    body: lines
      .slice(end + 1)
      .join('\n')
      .trim(),
  };
}

interface ReadEntry<T> {
  file: string;
  data: T;
  /** The fields as written, for the checks across files. */
  fields: Record<string, unknown>;
}

/** What reading one file of a type needs: its schema, and the field its Markdown body fills. */
interface SeedFileType<T> {
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  bodyField: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads one seed file's fields: its front matter, and the Markdown after it as `bodyField` (the
 * type's one richtext field, if it has one). `null` (with `problems` filled) when the file is not
 * front matter and Markdown as a seed file must be. The Spanish edition's files are read the same way.
 */
export function readSeedFields(
  file: string,
  bodyField: string | null | undefined,
  problems: string[],
): Record<string, unknown> | null {
  const parts = splitFrontMatter(fs.readFileSync(file, 'utf8'));
  if (!parts) {
    problems.push(`${file}: no front matter (the file must start with a --- line and close it with another)`);
    return null;
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(parts.frontMatter);
  } catch (error) {
    problems.push(`${file}: front matter is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  if (!isRecord(parsed)) {
    problems.push(`${file}: front matter must be a list of \`field: value\` lines`);
    return null;
  }
  const fields: Record<string, unknown> = { ...parsed };
  if (bodyField) {
    if (bodyField in fields) {
      problems.push(`${file}: ${bodyField}: write it as the Markdown after the front matter, not in it`);
      return null;
    }
    if (parts.body) fields[bodyField] = parts.body;
  } else if (parts.body) {
    problems.push(`${file}: has Markdown after the front matter, but this type has no Markdown field`);
    return null;
  }
  return fields;
}

/** Reads and checks one file against its type's schema; `null` (with `problems` filled) when it fails. */
function readEntry<T>(file: string, type: SeedFileType<T>, problems: string[]): ReadEntry<T> | null {
  const fields = readSeedFields(file, type.bodyField, problems);
  if (!fields) return null;
  const result = type.schema.safeParse(fields);
  if (!result.success) {
    for (const issue of result.error.issues)
      problems.push(`${file}: ${issue.path.length ? issue.path.join('.') : '(front matter)'}: ${issue.message}`);
    return null;
  }
  return { file, data: result.data, fields };
}

interface Collection<T> {
  entries: ReadEntry<T>[];
  /** Every file's slug (its name), valid or not, so one bad file is not also reported as a dangling link. */
  slugs: Set<string>;
}

/** Reads every `<slug>.md` of a collection folder, in file-name order. */
function readCollection<T>(
  seedDir: string,
  key: SeedTypeKey,
  type: SeedFileType<T>,
  problems: string[],
): Collection<T> {
  const dir = path.join(seedDir, key);
  const entries: ReadEntry<T>[] = [];
  const slugs = new Set<string>();
  if (!fs.existsSync(dir)) {
    problems.push(`${dir}: missing folder`);
    return { entries, slugs };
  }
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (!name.endsWith('.md')) {
      problems.push(`${file}: not a seed file (only <slug>.md files belong here)`);
      continue;
    }
    slugs.add(name.slice(0, -'.md'.length));
    const entry = readEntry(file, type, problems);
    if (!entry) continue;
    const slug = entry.fields['slug'];
    // The file name is the slug, so a folder listing is the list of pages.
    if (slug !== name.slice(0, -'.md'.length))
      problems.push(`${file}: slug: "${String(slug)}" differs from the file name`);
    entries.push(entry);
  }
  return { entries, slugs };
}

/** Every relation slug must name an entry that the seed creates. */
function relationProblems(
  key: SeedTypeKey,
  entries: ReadEntry<unknown>[],
  slugsByKey: Map<SeedTypeKey, Set<string>>,
): string[] {
  const problems: string[] = [];
  const relations: Record<string, SeedTypeKey> = seedTypes[key].relations;
  for (const entry of entries) {
    for (const [field, target] of Object.entries(relations)) {
      const value = entry.fields[field];
      const slugs = Array.isArray(value) ? value : value === undefined ? [] : [value];
      const known = slugsByKey.get(target) ?? new Set<string>();
      slugs.forEach((slug, i) => {
        if (typeof slug !== 'string' || !known.has(slug))
          problems.push(`${entry.file}: ${field}.${i}: "${String(slug)}" is not a seeded ${target} entry`);
      });
      if (new Set(slugs).size !== slugs.length) problems.push(`${entry.file}: ${field}: lists a slug twice`);
    }
  }
  return problems;
}

/**
 * Reads and checks the whole seed under `seedDir`. Throws a `SeedValidationError` that lists
 * every problem (file and field) when any file is invalid, a relation dangles, or a file sits
 * where no content type expects one.
 */
export function loadSeedContent(seedDir: string): SeedContent {
  const problems: string[] = [];
  const expected = new Set(
    Object.entries(seedTypes).map(([key, type]) => (type.kind === 'singleType' ? `${key}.md` : key)),
  );
  for (const name of fs.readdirSync(seedDir)) {
    if (!expected.has(name) && name !== 'README.md' && !SEED_TRANSLATION_FOLDERS.includes(name))
      problems.push(
        `${path.join(seedDir, name)}: not a seed file or folder (expected ${[...expected].sort().join(', ')})`,
      );
  }

  const facility = readEntry(path.join(seedDir, 'facility.md'), seedTypes.facility, problems);
  const programLevels = readCollection(seedDir, 'program-levels', seedTypes['program-levels'], problems);
  const modalities = readCollection(seedDir, 'treatment-modalities', seedTypes['treatment-modalities'], problems);
  const conditions = readCollection(seedDir, 'conditions', seedTypes.conditions, problems);
  const faqs = readCollection(seedDir, 'faqs', seedTypes.faqs, problems);

  const slugsByKey = new Map<SeedTypeKey, Set<string>>([
    ['program-levels', programLevels.slugs],
    ['treatment-modalities', modalities.slugs],
    ['conditions', conditions.slugs],
    ['faqs', faqs.slugs],
  ]);
  problems.push(
    ...relationProblems('program-levels', programLevels.entries, slugsByKey),
    ...relationProblems('treatment-modalities', modalities.entries, slugsByKey),
    ...relationProblems('conditions', conditions.entries, slugsByKey),
    ...relationProblems('faqs', faqs.entries, slugsByKey),
  );

  if (problems.length > 0 || !facility) throw new SeedValidationError(problems);
  const data = <T>(collection: Collection<T>): T[] => collection.entries.map((entry) => entry.data);
  return {
    facility: facility.data,
    programLevels: data(programLevels),
    modalities: data(modalities),
    conditions: data(conditions),
    faqs: data(faqs),
  };
}
