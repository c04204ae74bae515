import type { Core, UID } from '@strapi/strapi';
import { SPANISH_LOCALE } from '../bootstrap/ensure-spanish-locale';
import { contentTypeAttributes, documentsOf } from '../strapi/internals';
import type { SpanishSeedContent } from './load-spanish-seed';

type Log = (message: string) => void;
type Fields = Record<string, unknown>;

/**
 * Adds the Spanish version (`es`) of each seeded document that has none yet, published, with
 * "translation reviewed" off: nobody fluent in both languages has signed these texts off. Run
 * after the English seed (`seedContent`): each translation is found by `translationOf`, the slug
 * of the English entry, and becomes that document's `es` locale. Only the localized fields are
 * written (Strapi copies the shared facts from the English version), with the relations of the
 * English entry, which link the Spanish versions of the same documents; so the linked types go
 * first. An existing Spanish version is never touched, nor one with the same Spanish slug.
 * Returns how many it created.
 */
export async function seedSpanish(
  strapi: Core.Strapi,
  spanish: SpanishSeedContent,
  log: Log = () => {},
): Promise<number> {
  const locale = SPANISH_LOCALE.code;
  let created = 0;

  /** documentId of the English entry with `slug` (any entry of a single type). */
  async function englishDocumentId(uid: UID.ContentType, slug: string | null): Promise<string> {
    const found = await documentsOf(strapi, uid).findFirst({
      ...(slug === null ? {} : { filters: { slug } }),
      status: 'draft',
      fields: ['documentId'],
    });
    if (!found) throw new Error(`Seed: the Spanish ${uid} "${slug ?? 'entry'}" translates no English entry`);
    return found.documentId;
  }

  async function translate(uid: UID.ContentType, entry: Fields & { translationOf: string }, single: boolean) {
    const documentId = await englishDocumentId(uid, single ? null : entry.translationOf);
    const docs = documentsOf(strapi, uid);
    if (await docs.findOne({ documentId, locale, status: 'draft', fields: ['documentId'] })) return;
    // Matched by slug too, as the English seed is: after an editor deleted an English entry
    // alone, its Spanish version (another document now) keeps the slug and is left alone.
    if (
      !single &&
      (await docs.findFirst({ filters: { slug: entry.slug }, locale, status: 'draft', fields: ['documentId'] }))
    ) {
      log(
        `Seed: the Spanish "${String(entry.slug)}" already exists on another document; ${entry.translationOf} stays without one`,
      );
      return;
    }
    const data: Fields = { translationReviewed: false };
    for (const [name, attr] of Object.entries(contentTypeAttributes(strapi, uid))) {
      if (!(name in entry)) continue;
      if (attr.type === 'relation') {
        // The owning side links both; the seed gives the English slugs of the linked entries.
        if (attr.mappedBy || !Array.isArray(entry[name])) continue;
        const target = attr.target as UID.ContentType;
        data[name] = await Promise.all((entry[name] as string[]).map((slug) => englishDocumentId(target, slug)));
      } else if (attr.pluginOptions?.i18n?.localized === true) {
        data[name] = entry[name];
      }
    }
    await docs.update({ documentId, locale, status: 'published', data });
    created += 1;
  }

  for (const condition of spanish.conditions) await translate('api::condition.condition', condition, false);
  for (const modality of spanish.modalities)
    await translate('api::treatment-modality.treatment-modality', modality, false);
  for (const faq of spanish.faqs) await translate('api::faq.faq', faq, false);
  for (const level of spanish.programLevels) await translate('api::program-level.program-level', level, false);
  await translate('api::facility.facility', spanish.facility, true);

  if (created > 0) log(`Seed: created ${created} Spanish translation(s), not yet reviewed`);
  return created;
}
