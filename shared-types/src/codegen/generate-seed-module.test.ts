import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readStrapiSchemas } from './generate-content-module.ts';
import { generateSeedModule, SEED_MODULE_PATH } from './generate-seed-module.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const cmsDir = path.resolve(here, '../../../cms');
const cmsSrc = path.join(cmsDir, 'src');

describe('generated seed module', () => {
  it('matches what the Strapi schemas generate today (run `npm run generate -w shared-types` if not)', () => {
    const committed = fs.readFileSync(path.join(cmsDir, SEED_MODULE_PATH), 'utf8');
    expect(committed).toBe(generateSeedModule(readStrapiSchemas(cmsSrc)));
  });

  it('seeds owning relations as slug lists and leaves inverse sides, media, ids and timestamps out', () => {
    const source = generateSeedModule(readStrapiSchemas(cmsSrc));
    const block = (ident: string): string => {
      const start = source.indexOf(`export const ${ident} = `);
      return source.slice(start, source.indexOf('}).strict();', start));
    };
    const level = block('programLevelSeedSchema');
    expect(level).toContain('modalities: z.array(seedSlug)');
    expect(level).toContain('faqs: z.array(seedSlug)');
    expect(level).not.toMatch(/\b(id|documentId|createdAt|publishedAt):/);
    // `programLevels` on a FAQ is the inverse side of `programLevel.faqs`.
    expect(block('faqSeedSchema')).not.toContain('programLevels');
    expect(block('seoSeedSchema')).not.toContain('socialImage');
  });

  it('makes a field that the schema does not require optional, not nullable', () => {
    const schemas = readStrapiSchemas(cmsSrc);
    const faq = schemas.contentTypes.find((t) => t.uid === 'api::faq.faq');
    if (!faq) throw new Error('no faq schema');
    faq.attributes['note'] = { type: 'string', maxLength: 20 };
    expect(generateSeedModule(schemas)).toContain('note: z.string().max(20).optional()');
  });

  it('fills the Markdown body with the one richtext field of each type, and none for the facility', () => {
    const source = generateSeedModule(readStrapiSchemas(cmsSrc));
    expect(source).toMatch(/'faqs': \{[^\n]*bodyField: 'answer'/);
    expect(source).toMatch(/'program-levels': \{[^\n]*bodyField: 'body'/);
    expect(source).toMatch(/'facility': \{[^\n]*bodyField: null/);
  });
});
