import publicContentTypes from '@clinic/shared-types/public-content-types.json';

/**
 * Content-API actions that read the public types (generated from the schemas into shared-types,
 * the same list the publisher rebuilds for): `find` and `findOne`; single types have only `find`.
 */
export function readActions(): string[] {
  return publicContentTypes.flatMap(({ uid, kind }) =>
    kind === 'singleType' ? [`${uid}.find`] : [`${uid}.find`, `${uid}.findOne`],
  );
}
