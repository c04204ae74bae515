import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  loadSeedContent,
  SEED_TRANSLATION_FOLDERS,
  SeedValidationError,
  seedDirOf,
  splitFrontMatter,
} from './load-seed-content';

const seedDir = seedDirOf(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'));

/** Every `.md` file under the seed folder but its README and the translations (`es/`), relative to it. */
function seedFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .filter((f) => !SEED_TRANSLATION_FOLDERS.includes(f.split(path.sep)[0] ?? ''))
    .sort();
}

/** The top-level names the loader expects, as its error message lists them. */
const EXPECTED = 'conditions, facility.md, faqs, program-levels, redirects, treatment-modalities';

let scratch: string | undefined;
afterEach(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** A copy of the real seed to break. */
function copySeed(): string {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-'));
  fs.cpSync(seedDir, scratch, { recursive: true });
  return scratch;
}

function edit(dir: string, file: string, change: (text: string) => string): string {
  const full = path.join(dir, file);
  const before = fs.readFileSync(full, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`edit changed nothing in ${file}`);
  fs.writeFileSync(full, after);
  return full;
}

function problemsOf(dir: string): string[] {
  try {
    loadSeedContent(dir);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadSeedContent', () => {
  it('reads every seed file: one entry per Markdown file, and the facility', () => {
    const content = loadSeedContent(seedDir);
    const loaded = [
      'facility.md',
      ...content.programLevels.map((e) => `program-levels/${e.slug}.md`),
      ...content.modalities.map((e) => `treatment-modalities/${e.slug}.md`),
      ...content.conditions.map((e) => `conditions/${e.slug}.md`),
      ...content.faqs.map((e) => `faqs/${e.slug}.md`),
    ].map((f) => path.normalize(f));
    expect(loaded.sort()).toEqual(seedFiles(seedDir));
  });

  it('fills the richtext field from the Markdown after the front matter', () => {
    const content = loadSeedContent(seedDir);
    const iop = content.programLevels.find((e) => e.slug === 'intensive-outpatient-program');
    expect(iop?.body).toMatch(/^## What an IOP is\n\n/);
    const text = fs.readFileSync(path.join(seedDir, 'faqs', 'is-virtual-iop-available.md'), 'utf8');
    const faq = content.faqs.find((e) => e.slug === 'is-virtual-iop-available');
    expect(faq?.answer).toBe(splitFrontMatter(text)?.body);
    expect(faq?.answer).not.toBe('');
  });

  it('names the file and the field of a value the schema refuses', () => {
    const dir = copySeed();
    const file = edit(dir, 'faqs/is-virtual-iop-available.md', (t) => t.replace(/^topic: .*$/m, 'topic: pricing'));
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(file);
    expect(problems[0]).toMatch(/: topic: Invalid enum value/);
  });

  it('names a misspelt field, a missing required field and a too-long value in nested components', () => {
    const dir = copySeed();
    const file = edit(dir, 'program-levels/medical-detox.md', (t) =>
      t
        .replace(/^offeredOnSite:/m, 'offeredOnsite:')
        .replace(/^summary: .*$/m, `summary: ${'x'.repeat(401)}`)
        .replace(/^ {2}- text: .*$/m, `  - text: ${'y'.repeat(201)}`),
    );
    const problems = problemsOf(dir).join('\n');
    expect(problems).toContain(`${file}: offeredOnSite: Required`);
    expect(problems).toContain(`${file}: (front matter): Unrecognized key(s) in object: 'offeredOnsite'`);
    expect(problems).toContain(`${file}: summary: String must contain at most 400 character(s)`);
    expect(problems).toMatch(new RegExp(`${file}: goals\\.0\\.text: String must contain at most 200`));
  });

  it('names a relation slug that no seed file creates', () => {
    const dir = copySeed();
    const file = edit(dir, 'program-levels/intensive-outpatient-program.md', (t) =>
      t.replace('  - family-therapy\n', '  - art-therapy\n'),
    );
    expect(problemsOf(dir)).toEqual([
      `${file}: modalities.7: "art-therapy" is not a seeded treatment-modalities entry`,
    ]);
  });

  it('refuses a file whose name is not its slug, YAML that does not parse, and a file with no front matter', () => {
    const dir = copySeed();
    fs.renameSync(path.join(dir, 'conditions/alcohol-use-disorder.md'), path.join(dir, 'conditions/alcohol.md'));
    const broken = edit(dir, 'faqs/is-virtual-iop-available.md', (t) => t.replace(/^order: (\d+)$/m, 'order: [$1'));
    const bare = edit(dir, 'conditions/co-occurring-disorders.md', (t) => t.replace(/^---\n/, ''));
    const problems = problemsOf(dir).join('\n');
    expect(problems).toContain(`${path.join(dir, 'conditions/alcohol.md')}: slug: "alcohol-use-disorder" differs`);
    expect(problems).toContain(`${broken}: front matter is not valid YAML`);
    expect(problems).toContain(`${bare}: no front matter`);
  });

  it('refuses the Markdown field written in the front matter, and a stray file', () => {
    const dir = copySeed();
    const file = edit(dir, 'faqs/is-virtual-iop-available.md', (t) => t.replace(/^topic:/m, 'answer: Yes.\ntopic:'));
    fs.writeFileSync(path.join(dir, 'faq.md'), '---\n---\n');
    const problems = problemsOf(dir).join('\n');
    expect(problems).toContain(`${file}: answer: write it as the Markdown after the front matter`);
    expect(problems).toContain(`${path.join(dir, 'faq.md')}: not a seed file or folder`);
  });
});

describe('loadSeedContent and the translations', () => {
  it('skips the translation folder es/ (not English content) but refuses any other unknown folder', () => {
    const dir = copySeed();
    fs.mkdirSync(path.join(dir, 'es', 'faqs'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'es', 'faqs', 'not-english.md'), 'no front matter');
    expect(problemsOf(dir)).toEqual([]);
    fs.mkdirSync(path.join(dir, 'fr'));
    expect(problemsOf(dir)).toEqual([`${path.join(dir, 'fr')}: not a seed file or folder (expected ${EXPECTED})`]);
  });
});

describe('splitFrontMatter', () => {
  it('splits on the leading and the next --- line, trims the body, and reads CRLF files', () => {
    expect(splitFrontMatter('---\na: 1\n---\n\n# Hi\n\n')).toEqual({ frontMatter: 'a: 1', body: '# Hi' });
    expect(splitFrontMatter('---\r\na: 1\r\n---\r\nx\r\n')).toEqual({ frontMatter: 'a: 1', body: 'x' });
    expect(splitFrontMatter('---\na: 1\n---\n')).toEqual({ frontMatter: 'a: 1', body: '' });
    // A thematic break in the body is Markdown, not a delimiter.
    expect(splitFrontMatter('---\na: 1\n---\nx\n---\ny')).toEqual({ frontMatter: 'a: 1', body: 'x\n---\ny' });
    expect(splitFrontMatter('a: 1\n---\n')).toBeNull();
    expect(splitFrontMatter('---\na: 1\n')).toBeNull();
  });
});
