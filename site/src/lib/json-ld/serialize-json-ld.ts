import type { JsonLdNode } from './types.ts';

/** A page's JSON-LD: all its nodes in one `@graph`, so one script tag carries everything. */
export function buildJsonLdGraph(nodes: readonly (JsonLdNode | null | undefined)[]): {
  '@context': 'https://schema.org';
  '@graph': JsonLdNode[];
} {
  return { '@context': 'https://schema.org', '@graph': nodes.filter((node): node is JsonLdNode => Boolean(node)) };
}

/**
 * JSON for the body of `<script type="application/ld+json">`. Content comes from editors,
 * so `<`, `>` and `&` are escaped as JSON unicode escapes: `</script>` or `<!--` in a
 * string cannot end the script element early, and the parsed JSON is unchanged. U+2028 and
 * U+2029 are escaped too, for older JavaScript parsers that read JSON-LD as script.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
