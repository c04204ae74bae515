import { describe, expect, it } from 'vitest';
import { buildJsonLdGraph, serializeJsonLd } from './serialize-json-ld.ts';

describe('serializeJsonLd', () => {
  const hostile = {
    name: 'Evil </script><script>alert(1)</script>',
    note: '<!-- comment --> & done',
    lines: 'a\u2028b\u2029c',
  };

  it('leaves no "<" in the output, so content cannot close the script element', () => {
    const out = serializeJsonLd(hostile);
    expect(out).not.toContain('<');
    expect(out).not.toContain('>');
    expect(out.toLowerCase()).not.toContain('</script');
    expect(out).toContain('\\u003c/script\\u003e');
  });

  it('escapes & and the JavaScript line separators', () => {
    const out = serializeJsonLd(hostile);
    expect(out).not.toContain('&');
    expect(out).not.toMatch(/[\u2028\u2029]/);
  });

  it('parses back to exactly the same data', () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
  });
});

describe('buildJsonLdGraph', () => {
  it('wraps nodes in a schema.org graph and skips missing ones', () => {
    const graph = buildJsonLdGraph([{ '@type': 'Thing' }, null, undefined, { '@type': 'Other' }]);
    expect(graph).toEqual({ '@context': 'https://schema.org', '@graph': [{ '@type': 'Thing' }, { '@type': 'Other' }] });
  });
});
