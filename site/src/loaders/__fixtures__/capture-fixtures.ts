/**
 * Refreshes the JSON fixtures in this folder from a running, freshly seeded CMS, through
 * the same URLs the loader builds. Run after a schema change:
 *
 *   CMS_URL=http://localhost:1337 CMS_TOKEN=... npx tsx site/src/loaders/__fixtures__/capture-fixtures.ts
 *
 * `facility-unpublished.json` is not refreshed here: it is what `GET /api/facility` answers
 * (404) once the facility has no published version, captured by hand.
 */
import { writeFileSync } from 'node:fs';
import { contentTypes } from '@clinic/shared-types';
import { buildRequestUrl } from '../strapi-client.ts';

const cmsUrl = process.env.CMS_URL ?? 'http://localhost:1337';
const token = process.env.CMS_TOKEN;
if (!token) throw new Error('Set CMS_TOKEN to the read-only token (DATA_DIR/secrets.env).');

async function capture(file: string, url: URL, headers: Record<string, string> = { Authorization: `Bearer ${token}` }) {
  const response = await fetch(url, { headers });
  const body: unknown = await response.json();
  writeFileSync(new URL(file, import.meta.url), `${JSON.stringify(body, null, 2)}\n`);
  console.log(`${file}: ${response.status}`);
}

// faqs: captured as three pages below instead. Localized types are captured in both languages,
// as the loader asks for them (`?locale=en`, `?locale=es`): `<key>.json` and `<key>-es.json`.
for (const [key, type] of Object.entries(contentTypes).filter(([key]) => key !== 'faqs')) {
  const page = type.kind === 'collectionType' ? { page: 1, pageSize: 100 } : undefined;
  await capture(`${key}.json`, buildRequestUrl(cmsUrl, key, type.populate, page, type.localized ? 'en' : undefined));
  if (type.localized) await capture(`${key}-es.json`, buildRequestUrl(cmsUrl, key, type.populate, page, 'es'));
}
// Three real pages for the pagination test (the seed has 21 FAQs); the Spanish ones in one page.
for (const page of [1, 2, 3]) {
  await capture(
    `faqs-page-${page}.json`,
    buildRequestUrl(cmsUrl, 'faqs', contentTypes.faqs.populate, { page, pageSize: 8 }, 'en'),
  );
}
await capture(
  'faqs-es.json',
  buildRequestUrl(cmsUrl, 'faqs', contentTypes.faqs.populate, { page: 1, pageSize: 100 }, 'es'),
);
await capture('error-401.json', buildRequestUrl(cmsUrl, 'faqs', contentTypes.faqs.populate), {
  Authorization: 'Bearer not-a-token',
});
await capture('error-403.json', buildRequestUrl(cmsUrl, 'faqs', contentTypes.faqs.populate), {});
