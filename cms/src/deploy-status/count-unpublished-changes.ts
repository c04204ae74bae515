import publicContentTypes from '@clinic/shared-types/public-content-types.json';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { contentTypeDefinitions } from '../strapi/internals';
import type { UnpublishedChanges, UnpublishedType } from './unpublished-changes';

/** The content manager's read permission: a type an admin cannot read is not counted for them. */
export const READ_ACTION = 'plugin::content-manager.explorer.read';

// Postgres returns counts as strings (bigint), SQLite as numbers.
const countsRowSchema = z.object({ never_published: z.coerce.number(), modified: z.coerce.number() });

/** A loaded content type's names, as its schema.json's `info` gives them. */
const namesSchema = z.object({ info: z.object({ singularName: z.string(), displayName: z.string() }) });

interface TypeCounts {
  neverPublished: number;
  modified: number;
}

/**
 * How many entries of one type have a draft the site does not show, in one grouped query: per
 * document and locale, a draft with no published row is "never published", a draft saved after its
 * published row is "modified". The same test (draft `updatedAt` later than the published one's) as
 * the Content Manager's Modified status and its "Published (modified)" filter, so the counts match
 * the lists the widget links to.
 */
async function countType(strapi: Core.Strapi, uid: string): Promise<TypeCounts> {
  const meta = strapi.db.metadata.get(uid);
  const column = (attribute: string, fallback: string): string => {
    const definition = meta.attributes[attribute];
    return definition && 'columnName' in definition && definition.columnName ? definition.columnName : fallback;
  };
  const publishedAt = column('publishedAt', 'published_at');
  const updatedAt = column('updatedAt', 'updated_at');
  const entryKey = [
    column('documentId', 'document_id'),
    ...(meta.attributes.locale ? [column('locale', 'locale')] : []),
  ];
  const knex = strapi.db.connection;
  const entries = knex(meta.tableName)
    .select(entryKey)
    .select(knex.raw('MAX(CASE WHEN ?? IS NULL THEN 1 ELSE 0 END) AS has_draft', [publishedAt]))
    .select(knex.raw('MAX(CASE WHEN ?? IS NULL THEN ?? END) AS draft_updated', [publishedAt, updatedAt]))
    .select(knex.raw('MAX(CASE WHEN ?? IS NOT NULL THEN ?? END) AS published_updated', [publishedAt, updatedAt]))
    .groupBy(entryKey);
  const row: unknown = await knex
    .from(entries.as('entries'))
    .select(
      knex.raw(
        `COUNT(CASE WHEN has_draft = 1 AND published_updated IS NULL THEN 1 END) AS never_published,
         COUNT(CASE WHEN has_draft = 1 AND draft_updated > published_updated THEN 1 END) AS modified`,
      ),
    )
    .first();
  const counts = countsRowSchema.parse(row);
  return { neverPublished: counts.never_published, modified: counts.modified };
}

/**
 * Per public content type (shared-types' generated list, the types the site reads), how many
 * entries have changes that are not published, for the types `canRead` allows. One query per type.
 */
export async function countUnpublishedChanges(
  strapi: Core.Strapi,
  canRead: (uid: string) => boolean,
): Promise<UnpublishedChanges> {
  const loaded = contentTypeDefinitions(strapi);
  const types: UnpublishedType[] = [];
  for (const { uid, kind } of publicContentTypes) {
    const names = namesSchema.safeParse(loaded[uid]);
    if (!names.success || !canRead(uid)) continue;
    // Sequential: SQLite answers one query at a time anyway, and Postgres's pool is shared with editors.
    const counts = await countType(strapi, uid);
    types.push({
      uid,
      kind: kind === 'singleType' ? 'singleType' : 'collectionType',
      singularName: names.data.info.singularName,
      displayName: names.data.info.displayName,
      ...counts,
    });
  }
  return { total: types.reduce((sum, type) => sum + type.neverPublished + type.modified, 0), types };
}
