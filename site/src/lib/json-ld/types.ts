/**
 * The schema.org shapes the site emits, only as far as it uses them. Each builder returns
 * one of these; `serializeJsonLd` turns a graph of them into a script body.
 */
export interface JsonLdNode {
  '@type': string;
  '@id'?: string;
  [property: string]: unknown;
}

export interface JsonLdReference {
  '@id': string;
}

/** The stable `@id` of the clinic node, so every page's nodes can point at the same clinic. */
export function clinicId(siteUrl: string | URL): string {
  return new URL('/#clinic', siteUrl).href;
}
