/**
 * Generates `src/generated/content.ts`: the zod schema, TypeScript type and REST
 * populate of every public Strapi content type, derived from the CMS's own
 * `schema.json` files and field help text. Strapi's schemas are the single source;
 * run `npm run generate -w shared-types` after changing them. A test fails when the
 * committed output drifts from what this script would write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateContentModule, readStrapiSchemas } from '../src/codegen/generate-content-module.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const cmsSrc = path.resolve(here, '../../cms/src');
const outFile = path.resolve(here, '../src/generated/content.ts');

const source = generateContentModule(readStrapiSchemas(cmsSrc));
if (process.argv.includes('--check')) {
  const current = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
  if (current !== source) {
    console.error(`${path.relative(process.cwd(), outFile)} is out of date: run npm run generate -w shared-types`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(outFile, source);
  console.log(`wrote ${path.relative(process.cwd(), outFile)}`);
}
