import { BULK_LOAD_EVENT } from '@clinic/shared-types';
import { describe, expect, it } from 'vitest';
import {
  MANUAL_EVENT,
  MAX_CHANGED_DOCUMENTS,
  RETRY_EVENT,
  STARTUP_EVENT,
  TriggerAccumulator,
  type TriggerEvent,
} from './build-trigger.ts';

/** The changes of these events, added in order to one accumulator. */
function changesOf(...events: TriggerEvent[]): Record<string, string[]> | null {
  const accumulator = new TriggerAccumulator(0);
  events.forEach((event, at) => accumulator.add(event, at));
  return accumulator.toChanges();
}

describe('TriggerAccumulator.toChanges', () => {
  it('names the document of an entry webhook under its model', () => {
    expect(changesOf({ event: 'entry.publish', model: 'faq', documentId: 'abc123' })).toEqual({ faq: ['abc123'] });
  });

  it('merges the documents of a burst by model, each once and sorted', () => {
    expect(
      changesOf(
        { event: 'entry.publish', model: 'faq', documentId: 'b' },
        { event: 'entry.unpublish', model: 'condition', documentId: 'c1' },
        { event: 'entry.publish', model: 'faq', documentId: 'a' },
        // Strapi sends a delete of a published entry as more than one webhook.
        { event: 'entry.delete', model: 'faq', documentId: 'b' },
        { event: 'entry.delete', model: 'faq', documentId: 'b' },
      ),
    ).toEqual({ faq: ['a', 'b'], condition: ['c1'] });
  });

  it.each([
    ['the first build', { event: STARTUP_EVENT }],
    ['a forced rebuild', { event: MANUAL_EVENT }],
    ['a retry', { event: RETRY_EVENT }],
    ['a media update', { event: 'media.update', model: 'file', documentId: 'f1' }],
    ['a media delete', { event: 'media.delete' }],
    ['a bulk load', { ...BULK_LOAD_EVENT }],
    ['a bulk load naming a document', { ...BULK_LOAD_EVENT, documentId: 'x' }],
    ['an entry webhook without a documentId', { event: 'entry.publish', model: 'faq' }],
    ['an entry webhook with a null documentId', { event: 'entry.publish', model: 'faq', documentId: null }],
    ['an entry webhook with an empty documentId', { event: 'entry.publish', model: 'faq', documentId: '' }],
    ['an entry webhook without a model', { event: 'entry.publish', documentId: 'abc' }],
    ['an event it does not know', { event: 'review.done', model: 'faq', documentId: 'abc' }],
  ] satisfies Array<[string, TriggerEvent]>)('fetches everything after %s', (_, event) => {
    expect(changesOf(event)).toBeNull();
  });

  it('fetches everything when one event of the burst names no document, before or after the others', () => {
    const publish = { event: 'entry.publish', model: 'faq', documentId: 'abc' };
    expect(changesOf(publish, { event: 'media.update' }, publish)).toBeNull();
    expect(changesOf({ event: STARTUP_EVENT }, publish)).toBeNull();
  });

  it(`fetches everything past ${MAX_CHANGED_DOCUMENTS} changed documents`, () => {
    const publishes = (count: number, model: string) =>
      Array.from({ length: count }, (_, i) => ({ event: 'entry.publish', model, documentId: `${model}-${i}` }));
    const half = MAX_CHANGED_DOCUMENTS / 2;
    const atCap = changesOf(...publishes(half, 'faq'), ...publishes(half, 'condition'));
    expect(atCap?.['faq']).toHaveLength(half);
    expect(atCap?.['condition']).toHaveLength(half);
    // The same document again is no more to fetch.
    expect(changesOf(...publishes(MAX_CHANGED_DOCUMENTS, 'faq'), ...publishes(1, 'faq'))).not.toBeNull();
    expect(changesOf(...publishes(half, 'faq'), ...publishes(half + 1, 'condition'))).toBeNull();
  });

  it('keeps a model named like an Object.prototype property as plain data', () => {
    const changes = changesOf({ event: 'entry.publish', model: '__proto__', documentId: 'abc' });
    expect(Object.getPrototypeOf(changes)).toBe(Object.prototype);
    expect(Object.entries(changes ?? {})).toEqual([['__proto__', ['abc']]]);
  });

  it('leaves the trigger /status shows as it was', () => {
    const accumulator = new TriggerAccumulator(0);
    accumulator.add({ event: 'entry.publish', model: 'faq', documentId: 'abc' }, 0);
    expect(accumulator.toTrigger()).toEqual({
      events: { 'entry.publish': 1 },
      models: ['faq'],
      count: 1,
      firstAt: new Date(0).toISOString(),
      lastAt: new Date(0).toISOString(),
    });
  });
});
