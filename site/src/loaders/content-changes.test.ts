import { readFileSync, readdirSync } from 'node:fs';
import { contentTypes, type ContentTypeKey } from '@clinic/shared-types';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_CHANGES_KEY, POPULATED_MODELS, planLoad, readContentChanges } from './content-changes.ts';

const holder = globalThis as { [CONTENT_CHANGES_KEY]?: unknown };
afterEach(() => {
  delete holder[CONTENT_CHANGES_KEY];
});

describe('planLoad', () => {
  it('fetches everything without changes', () => {
    expect(planLoad('faqs', undefined)).toEqual({ kind: 'everything' });
  });

  it("fetches a collection's own changed documents, once each, and keeps the collections nothing reaches", () => {
    const changes = { faq: ['a', 'b', 'a'] };
    expect(planLoad('faqs', changes)).toEqual({ kind: 'documents', documentIds: ['a', 'b'] });
    for (const contentType of ['conditions', 'treatment-modalities', 'facility', 'redirects'] as const)
      expect(planLoad(contentType, changes), contentType).toEqual({ kind: 'keep' });
  });

  it('fetches everything of a collection whose populated relations reach a changed model', () => {
    expect(planLoad('program-levels', { faq: ['a'] })).toEqual({ kind: 'everything' });
    // A level changed: the FAQs, therapies and conditions that list it are not known by id.
    for (const contentType of ['faqs', 'treatment-modalities', 'conditions'] as const)
      expect(planLoad(contentType, { 'program-level': ['p'] }), contentType).toEqual({ kind: 'everything' });
    expect(planLoad('program-levels', { 'program-level': ['p'] })).toEqual({ kind: 'documents', documentIds: ['p'] });
    expect(planLoad('redirects', { 'program-level': ['p'] })).toEqual({ kind: 'keep' });
  });

  it('fetches everything of a single type that changed, and everything for a model the site does not know', () => {
    expect(planLoad('facility', { facility: ['f'] })).toEqual({ kind: 'everything' });
    expect(planLoad('conditions', { 'bulk-load': ['x'] })).toEqual({ kind: 'everything' });
  });

  it('ignores a model named with no documents', () => {
    expect(planLoad('faqs', { faq: [], condition: [] })).toEqual({ kind: 'keep' });
  });
});

describe('readContentChanges', () => {
  it('reads the documents the worker put on globalThis, and nothing from anything else', () => {
    expect(readContentChanges()).toBeUndefined();
    holder[CONTENT_CHANGES_KEY] = { faq: ['a'] };
    expect(readContentChanges()).toEqual({ faq: ['a'] });
    for (const wrong of [null, ['a'], { faq: 'a' }, { faq: [1] }, { faq: [''] }]) {
      holder[CONTENT_CHANGES_KEY] = wrong;
      expect(readContentChanges(), JSON.stringify(wrong)).toBeUndefined();
    }
  });
});

describe('POPULATED_MODELS', () => {
  it("names, for every collection, the models of the relations its populate reaches in the CMS's schemas", () => {
    const apiDir = new URL('../../../cms/src/api/', import.meta.url);
    const modelOfUid = new Map(Object.values(contentTypes).map((type) => [type.uid as string, type.singularName]));
    for (const [key, type] of Object.entries(contentTypes) as [
      ContentTypeKey,
      (typeof contentTypes)[ContentTypeKey],
    ][]) {
      const name = type.uid.split('.')[1]!;
      const schema = JSON.parse(readFileSync(new URL(`${name}/content-types/${name}/schema.json`, apiDir), 'utf8')) as {
        attributes: Record<string, { type: string; target?: string }>;
      };
      const reached = Object.entries(schema.attributes)
        .filter(([field, attribute]) => attribute.type === 'relation' && field in type.populate)
        .map(([, attribute]) => modelOfUid.get(attribute.target ?? '') ?? attribute.target);
      expect([...POPULATED_MODELS[key]].sort(), key).toEqual(reached.sort());
    }
    // Components carry no relations to content types (they would need the same care).
    const componentsDir = new URL('../../../cms/src/components/', import.meta.url);
    for (const category of readdirSync(componentsDir)) {
      for (const file of readdirSync(new URL(`${category}/`, componentsDir))) {
        expect(readFileSync(new URL(`${category}/${file}`, componentsDir), 'utf8'), file).not.toMatch(/"relation"/);
      }
    }
  });
});
