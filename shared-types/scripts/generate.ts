/**
 * Generates `src/generated/content.ts`: the zod schema, TypeScript type and REST
 * populate of every public Strapi content type, derived from the CMS's own
 * `schema.json` files and field help text; and the CMS's seed schemas
 * (`cms/src/seed/generated/seed-schemas.ts`), the shape of the seed files. Strapi's schemas are the single source;
 * run `npm run generate -w shared-types` after changing them. A test fails when the
 * committed output drifts from what this script would write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  callRequestFormData,
  generateContentModule,
  publicContentTypesData,
  readStrapiSchemas,
} from '../src/codegen/generate-content-module.ts';
import { generateSeedModule, SEED_MODULE_PATH } from '../src/codegen/generate-seed-module.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const cmsSrc = path.resolve(here, '../../cms/src');
const outFile = path.resolve(here, '../src/generated/content.ts');

const cmsDir = path.resolve(cmsSrc, '..');
const schemas = readStrapiSchemas(cmsSrc);
const outputs: [string, string][] = [
  [outFile, generateContentModule(schemas)],
  [path.resolve(cmsDir, SEED_MODULE_PATH), generateSeedModule(schemas)],
  // The form's contract again as JSON, for the CMS, which runs as CommonJS and cannot load content.ts.
  [
    path.resolve(here, '../src/generated/call-request-form.json'),
    `${JSON.stringify(callRequestFormData(schemas), null, 2)}\n`,
  ],
  // Which types are public, for the CMS's read token (the publisher reads the same list from content.ts).
  [
    path.resolve(here, '../src/generated/public-content-types.json'),
    `${JSON.stringify(publicContentTypesData(schemas), null, 2)}\n`,
  ],
];
for (const [file, source] of outputs) {
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== source) {
      console.error(`${path.relative(process.cwd(), file)} is out of date: run npm run generate -w shared-types`);
      process.exitCode = 1;
    }
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, source);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
