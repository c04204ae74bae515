import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSeedContent, SeedValidationError, seedDirOf } from './load-seed-content';
import {
  checkSpanishSeed,
  faithfulnessProblems,
  linkTargetsIn,
  loadSpanishSeed,
  numbersIn,
  SLUG,
  SPANISH_SEED_FOLDER,
} from './load-spanish-seed';

const seedDir = seedDirOf(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'));
const english = loadSeedContent(seedDir);
/** Read in each test (not at import), so a broken translation fails the tests with its problems listed. */
const loadSpanish = () => loadSpanishSeed(seedDir, english);

let scratch: string | undefined;
afterEach(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** A copy of the real seed (English and Spanish) to break. */
function copySeed(): string {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-es-'));
  fs.cpSync(seedDir, scratch, { recursive: true });
  return scratch;
}

/** Edits a Spanish file of the copy; returns its path. */
function editSpanish(dir: string, file: string, change: (text: string) => string): string {
  const full = path.join(dir, SPANISH_SEED_FOLDER, file);
  const before = fs.readFileSync(full, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`edit changed nothing in ${file}`);
  fs.writeFileSync(full, after);
  return full;
}

const problemsOf = (dir: string): string[] => checkSpanishSeed(dir).problems;

describe('the Spanish edition of the seed', () => {
  it('is complete and faithful: no problem in any file', () => {
    expect(checkSpanishSeed(seedDir, english).problems).toEqual([]);
  });

  it('translates every English entry exactly once, and nothing else', () => {
    const spanish = loadSpanish();
    const pairs = (en: { slug: string }[], es: { translationOf: string }[]) => [
      en.map((e) => e.slug).sort(),
      es.map((e) => e.translationOf).sort(),
    ];
    for (const [en, es] of [
      pairs(english.programLevels, spanish.programLevels),
      pairs(english.modalities, spanish.modalities),
      pairs(english.conditions, spanish.conditions),
      pairs(english.faqs, spanish.faqs),
    ])
      expect(es).toEqual(en);
    expect(spanish.facility.translationOf).toBe('facility');
  });

  it('gives every entry a Spanish slug: a valid slug, unique within its type, not the English one', () => {
    const spanish = loadSpanish();
    for (const list of [spanish.programLevels, spanish.modalities, spanish.conditions, spanish.faqs]) {
      const slugs = list.map((e) => e.slug);
      for (const slug of slugs) expect(slug).toMatch(SLUG);
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const entry of list) expect(entry.slug).not.toBe(entry.translationOf);
    }
  });

  it('keeps the English facts (schedules, ASAM level, rank, relations, enums, phones, sources) and uses the Spanish text', () => {
    const spanish = loadSpanish();
    const iop = spanish.programLevels.find((e) => e.translationOf === 'intensive-outpatient-program');
    const iopEnglish = english.programLevels.find((e) => e.slug === 'intensive-outpatient-program');
    expect(iop).toMatchObject({
      slug: 'programa-ambulatorio-intensivo',
      asamLevel: '2.1',
      continuumRank: 2,
      offeredOnSite: false,
      virtualOption: true,
      setting: 'outpatient',
      schedule: { ...iopEnglish?.schedule, label: 'Programa ambulatorio intensivo típico' },
      modalities: iopEnglish?.modalities,
      faqs: iopEnglish?.faqs,
      sources: iopEnglish?.sources,
    });
    expect(iop?.body).toMatch(/^## Qué es un IOP\n\n/);
    const groups = spanish.faqs.find((e) => e.translationOf === 'how-big-are-iop-therapy-groups');
    expect(groups).toMatchObject({ topic: 'therapies', order: 20 });
    expect(spanish.facility).toMatchObject({
      phoneE164: english.facility.phoneE164,
      address: english.facility.address,
      email: english.facility.email,
    });
    expect(spanish.facility.crisisResources?.map((r) => r.phone)).toEqual(
      english.facility.crisisResources?.map((r) => r.phone),
    );
  });

  it('keeps the note that IOP is arranged through partners, and says the crisis lines help in Spanish', () => {
    const spanish = loadSpanish();
    const iop = spanish.programLevels.find((e) => e.translationOf === 'intensive-outpatient-program');
    expect(iop?.availabilityNote).toMatch(/no ofrece IOP en su centro/);
    expect(iop?.availabilityNote).toMatch(/condado de Orange/);
    const onSite = spanish.faqs.find((e) => e.translationOf === 'does-california-detox-offer-iop-on-site');
    expect(onSite?.answer).toMatch(/^No\. California Detox no ofrece IOP/);
    const [lifeline, samhsa] = spanish.facility.crisisResources ?? [];
    expect(lifeline?.description).toMatch(/988.*marque 2/);
    expect(samhsa?.description).toMatch(/español/);
  });
});

describe('checkSpanishSeed refuses', () => {
  it('a translation that drops a number, naming the entry, the field and the number', () => {
    const dir = copySeed();
    editSpanish(dir, 'faqs/how-big-are-iop-therapy-groups.md', (t) => t.replace('de 8 a 15 personas', 'de 8 personas'));
    editSpanish(dir, 'facility.md', (t) => t.replace('1-800-662-HELP', 'la línea de ayuda'));
    editSpanish(dir, 'program-levels/intensive-outpatient-program.md', (t) =>
      t.replace('- de 12 a 16 semanas en total\n', ''),
    );
    expect(problemsOf(dir)).toEqual([
      'facility: crisisResources.1.description: number "1-800-662" is missing: the English has it once, the Spanish not at all',
      'program-levels/intensive-outpatient-program: body: number "12" is missing: the English has it 3 times, the Spanish 2 times',
      'program-levels/intensive-outpatient-program: body: number "16" is missing: the English has it 2 times, the Spanish once',
      'faqs/how-big-are-iop-therapy-groups: answer: number "15" is missing: the English has it once, the Spanish not at all',
    ]);
  });

  it('a missing translation, and one of an entry that does not exist', () => {
    const dir = copySeed();
    const gone = path.join(dir, SPANISH_SEED_FOLDER, 'conditions', 'alcohol-use-disorder.md');
    const stray = path.join(dir, SPANISH_SEED_FOLDER, 'conditions', 'gambling-disorder.md');
    fs.renameSync(gone, stray);
    expect(problemsOf(dir)).toEqual([
      `conditions/alcohol-use-disorder: no Spanish translation (expected ${gone})`,
      `${stray}: translates "gambling-disorder", which is not an English conditions entry`,
    ]);
  });

  it('a shared fact repeated in a translation, a missing text field, and a list of another length', () => {
    const dir = copySeed();
    const file = editSpanish(dir, 'program-levels/partial-hospitalization-program.md', (t) =>
      t
        .replace(/^summary: .*\n/m, 'asamLevel: "2.5"\n')
        .replace(/^ {2}- text: Vigilar .*\n/m, '')
        .replace(/^schedule:\n {2}label: .*$/m, 'schedule:\n  label: PHP típico\n  hoursPerDayMin: 5'),
    );
    expect(problemsOf(dir)).toEqual([
      `${file}: asamLevel: not a localized field of program-levels; shared facts (numbers, phones, relations, enums, sources...) come from the English entry`,
      `${file}: summary: missing; the English entry program-levels/partial-hospitalization-program has it`,
      `${file}: schedule.hoursPerDayMin: not a localized field; it comes from the English entry`,
      `${file}: goals: the English has 2 item(s); give the text of each, in the same order (found 1)`,
    ]);
  });

  it('an invalid or repeated Spanish slug, a wrong translationOf, and a dropped link or {phone}', () => {
    const dir = copySeed();
    const accented = editSpanish(dir, 'faqs/is-virtual-iop-available.md', (t) =>
      t.replace('slug: hay-iop-virtual', 'slug: ¿hay-iop-virtual').replace('llame al {phone}', 'llámenos'),
    );
    const twice = editSpanish(dir, 'faqs/what-is-the-difference-between-iop-and-php.md', (t) =>
      t.replace('slug: diferencia-entre-iop-y-php', 'slug: diferencia-entre-iop-y-rehabilitacion-residencial'),
    );
    const wrong = editSpanish(dir, 'conditions/mental-health-disorders.md', (t) =>
      t
        .replace('translationOf: mental-health-disorders', 'translationOf: co-occurring-disorders')
        .replace('[trastornos concurrentes](/conditions/co-occurring-disorders/)', 'trastornos concurrentes'),
    );
    const problems = problemsOf(dir);
    expect(problems).toContain(
      `${accented}: slug: "¿hay-iop-virtual" is not a slug (lowercase a-z, 0-9 and single hyphens; no accents)`,
    );
    expect(problems).toContain(
      'faqs/is-virtual-iop-available: answer: placeholder "{phone}" is missing: the English has it once, the Spanish not at all',
    );
    expect(problems).toContain(
      `${twice}: slug: "diferencia-entre-iop-y-rehabilitacion-residencial" is also the slug of ${path.join(dir, SPANISH_SEED_FOLDER, 'faqs', 'what-is-the-difference-between-iop-and-inpatient-rehab.md')}`,
    );
    expect(problems).toContain(
      `${wrong}: translationOf: "co-occurring-disorders" differs from the file name; name the file after the English entry it translates`,
    );
    expect(problems).toContain(
      'conditions/mental-health-disorders: body: link target "/conditions/co-occurring-disorders/" is missing: the English has it once, the Spanish not at all',
    );
  });

  it('a text the English schema would refuse (a too-long SEO title), naming the file and the field', () => {
    const dir = copySeed();
    const file = editSpanish(dir, 'treatment-modalities/family-therapy.md', (t) =>
      t.replace('metaTitle: Terapia familiar | California Detox', `metaTitle: ${'Terapia familiar '.repeat(4)}`),
    );
    expect(problemsOf(dir)).toEqual([`${file}: seo.metaTitle: String must contain at most 60 character(s)`]);
    expect(() => loadSpanishSeed(dir)).toThrow(SeedValidationError);
  });
});

describe('the faithfulness helpers', () => {
  it('read numbers as a family reads them: phone numbers and decimals whole, 24/7 as two', () => {
    expect(numbersIn('Call 1-800-662-4357 or 988, 24/7; ASAM 3.7; 12 to 15 hours.')).toEqual([
      '1-800-662-4357',
      '988',
      '24',
      '7',
      '3.7',
      '12',
      '15',
    ]);
    expect(linkTargetsIn('[DBT](/treatments/dialectical-behavior-therapy/) and [x]( /compare/ )')).toEqual([
      '/treatments/dialectical-behavior-therapy/',
      '/compare/',
    ]);
  });

  it('count each number: a Spanish text that writes it once where the English has it twice misses one', () => {
    expect(faithfulnessProblems('e: body', '12 to 16 weeks; after 12 to 16 weeks', 'de 12 a 16 semanas')).toEqual([
      'e: body: number "12" is missing: the English has it 2 times, the Spanish once',
      'e: body: number "16" is missing: the English has it 2 times, the Spanish once',
    ]);
    expect(
      faithfulnessProblems('e: body', 'Call {phone}, 24/7.', 'Llame al {phone}, las 24 horas, los 7 días.'),
    ).toEqual([]);
  });
});
