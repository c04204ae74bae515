import type { Core } from '@strapi/strapi';
import { contentTypeDefinitions } from '../strapi/internals';

/** The API content types the site reads: every `api::` type with draft & publish. */
export function publicContentTypes(strapi: Core.Strapi): { uid: string; kind: 'collectionType' | 'singleType' }[] {
  return Object.entries(contentTypeDefinitions(strapi))
    .filter(([uid, ct]) => uid.startsWith('api::') && ct.options?.draftAndPublish === true)
    .map(([uid, ct]) => ({ uid, kind: ct.kind }));
}

/** Content-API actions that read those types: `find` and `findOne` (single types have only `find`). */
export function readActions(strapi: Core.Strapi): string[] {
  return publicContentTypes(strapi).flatMap(({ uid, kind }) =>
    kind === 'singleType' ? [`${uid}.find`] : [`${uid}.find`, `${uid}.findOne`],
  );
}
