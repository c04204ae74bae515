import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  callRequestFormData,
  generateContentModule,
  publicContentTypesData,
  readStrapiSchemas,
  scalarToZod,
} from './generate-content-module.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const cmsSrc = path.resolve(here, '../../../cms/src');

describe('generated content module', () => {
  it('matches what the Strapi schemas generate today (run `npm run generate -w shared-types` if not)', () => {
    const committed = fs.readFileSync(path.resolve(here, '../generated/content.ts'), 'utf8');
    expect(committed).toBe(generateContentModule(readStrapiSchemas(cmsSrc)));
  });

  it('gives the CMS the same form contract as the site (call-request-form.json; regenerate if not)', () => {
    const committed = fs.readFileSync(path.resolve(here, '../generated/call-request-form.json'), 'utf8');
    expect(JSON.parse(committed)).toEqual(callRequestFormData(readStrapiSchemas(cmsSrc)));
  });

  it('gives the CMS the same public types as the publisher (public-content-types.json; regenerate if not)', () => {
    const committed = fs.readFileSync(path.resolve(here, '../generated/public-content-types.json'), 'utf8');
    const types = publicContentTypesData(readStrapiSchemas(cmsSrc));
    expect(JSON.parse(committed)).toEqual(types);
    expect(types.map((t) => t.uid)).not.toContain('api::call-request.call-request');
  });

  it('refuses a field without help text', () => {
    const schemas = readStrapiSchemas(cmsSrc);
    const faq = schemas.contentTypes.find((t) => t.uid === 'api::faq.faq')!;
    faq.attributes.newField = { type: 'string' };
    expect(() => generateContentModule(schemas)).toThrow('api::faq.faq.newField has no help text');
  });

  it("refuses a form error without a message in each of the form's languages", () => {
    const schemas = readStrapiSchemas(cmsSrc);
    expect(callRequestFormData(schemas).languages).toEqual(['en', 'es']);
    const { es: _dropped, ...englishOnly } = schemas.callRequestContract.errors.phone_invalid!.message;
    schemas.callRequestContract.errors.phone_invalid!.message = englishOnly;
    expect(() => callRequestFormData(schemas)).toThrow('form-contract.json: phone_invalid has no es message');
    schemas.callRequestContract.errors.phone_invalid!.message = { ...englishOnly, es: 'x', fr: 'y' };
    expect(() => callRequestFormData(schemas)).toThrow('phone_invalid has a message in fr');
  });

  it('refuses an attribute type it cannot map, naming the field', () => {
    expect(() => scalarToZod('x', { type: 'json' }, 'api::faq.faq')).toThrow('api::faq.faq.x: attribute type "json"');
  });
});

describe('scalarToZod', () => {
  it("carries Strapi's length, range, regex and enum constraints", () => {
    expect(scalarToZod('t', { type: 'string', required: true, maxLength: 60 }, 'x')).toBe('z.string().max(60)');
    expect(scalarToZod('n', { type: 'integer', min: 0, max: 7 }, 'x')).toBe(
      'z.number().int().min(0).max(7).nullable()',
    );
    expect(scalarToZod('e', { type: 'enumeration', enum: ['a', 'b'], required: true }, 'x')).toBe('z.enum(["a","b"])');
    expect(scalarToZod('p', { type: 'string', regex: '^\\d+$' }, 'x')).toBe(
      'z.string().regex(new RegExp("^\\\\d+$")).or(z.literal(\'\')).nullable()',
    );
  });
});
