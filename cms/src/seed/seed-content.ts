import type { Core, UID } from '@strapi/strapi';
import { documentsOf } from '../strapi/internals';
import type { SeedContent } from './load-seed-content';

type Log = (message: string) => void;
type DocumentUid = UID.ContentType;

/**
 * Loads the seed into the CMS, published, creating only what is missing (matched by
 * slug, or the single facility), so it can run again on a live database without
 * touching an editor's work. Returns how many documents it created.
 */
export async function seedContent(strapi: Core.Strapi, content: SeedContent, log: Log = () => {}): Promise<number> {
  const docs = (uid: DocumentUid) => documentsOf(strapi, uid);
  let created = 0;

  /** documentId of the entry with `slug`, creating it from `data` when absent. */
  async function upsertBySlug(uid: DocumentUid, slug: string, data: () => Record<string, unknown>): Promise<string> {
    const existing = await docs(uid).findFirst({ filters: { slug }, status: 'draft', fields: ['documentId'] });
    if (existing) return existing.documentId;
    const doc = await docs(uid).create({ data: { ...data(), slug }, status: 'published' });
    created += 1;
    return doc.documentId;
  }

  const ids = {
    conditions: new Map<string, string>(),
    modalities: new Map<string, string>(),
    faqs: new Map<string, string>(),
  };
  const resolve = (kind: keyof typeof ids, slugs: string[], owner: string): string[] =>
    slugs.map((slug) => {
      const id = ids[kind].get(slug);
      if (!id) throw new Error(`Seed: ${owner} links to unknown ${kind} "${slug}"`);
      return id;
    });

  for (const condition of content.conditions) {
    ids.conditions.set(
      condition.slug,
      await upsertBySlug('api::condition.condition', condition.slug, () => ({ ...condition })),
    );
  }
  for (const modality of content.modalities) {
    const id = await upsertBySlug('api::treatment-modality.treatment-modality', modality.slug, () => ({
      ...modality,
      conditions: resolve('conditions', modality.conditions, modality.slug),
    }));
    ids.modalities.set(modality.slug, id);
  }
  for (const faq of content.faqs) {
    ids.faqs.set(faq.slug, await upsertBySlug('api::faq.faq', faq.slug, () => ({ ...faq })));
  }
  for (const level of content.programLevels) {
    await upsertBySlug('api::program-level.program-level', level.slug, () => ({
      ...level,
      modalities: resolve('modalities', level.modalities, level.slug),
      conditions: resolve('conditions', level.conditions, level.slug),
      faqs: resolve('faqs', level.faqs, level.slug),
    }));
  }
  const facility = await docs('api::facility.facility').findFirst({ status: 'draft', fields: ['documentId'] });
  if (!facility) {
    await docs('api::facility.facility').create({ data: { ...content.facility }, status: 'published' });
    created += 1;
  }
  log(created > 0 ? `Seed: created ${created} document(s)` : 'Seed: nothing missing, nothing created');
  return created;
}
