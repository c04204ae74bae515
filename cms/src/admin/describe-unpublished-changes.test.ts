import { describe, expect, it } from 'vitest';
import type { UnpublishedChanges, UnpublishedType } from '../deploy-status/unpublished-changes';
import { describeUnpublishedChanges } from './describe-unpublished-changes';

function type(fields: Partial<UnpublishedType> & Pick<UnpublishedType, 'uid'>): UnpublishedType {
  const singularName = fields.uid.split('.').pop() ?? fields.uid;
  return {
    kind: 'collectionType',
    singularName,
    displayName: singularName,
    neverPublished: 0,
    modified: 0,
    ...fields,
  };
}

const faq = type({ uid: 'api::faq.faq', displayName: 'FAQ', modified: 1 });
const level = type({
  uid: 'api::program-level.program-level',
  displayName: 'Program level',
  modified: 1,
  neverPublished: 1,
});
const facility = type({ uid: 'api::facility.facility', kind: 'singleType', displayName: 'Facility', modified: 1 });
const condition = type({ uid: 'api::condition.condition', displayName: 'Condition' });

describe('describeUnpublishedChanges', () => {
  it('counts the entries with unpublished changes and links each type to exactly those entries', () => {
    const response: UnpublishedChanges = { total: 3, types: [condition, faq, level] };
    const summary = describeUnpublishedChanges(response);
    expect(summary?.headline).toBe('3 entries have unpublished changes');
    expect(summary?.lines).toEqual([
      {
        key: 'api::faq.faq',
        type: 'FAQ',
        links: [
          {
            text: '1 edited after publishing',
            path: '/content-manager/collection-types/api::faq.faq?page=1&filters[$and][0][__status][$eq]=published-modified',
          },
        ],
      },
      {
        key: 'api::program-level.program-level',
        type: 'Program level',
        links: [
          {
            text: '1 edited after publishing',
            path: '/content-manager/collection-types/api::program-level.program-level?page=1&filters[$and][0][__status][$eq]=published-modified',
          },
          {
            text: '1 never published',
            path: '/content-manager/collection-types/api::program-level.program-level?page=1&filters[$and][0][__status][$eq]=draft',
          },
        ],
      },
    ]);
  });

  it('links a single type to its edit view, which is its only entry', () => {
    const summary = describeUnpublishedChanges({ total: 1, types: [facility] });
    expect(summary?.headline).toBe('1 entry has unpublished changes');
    expect(summary?.lines[0]?.links).toEqual([
      { text: '1 edited after publishing', path: '/content-manager/single-types/api::facility.facility' },
    ]);
  });

  it('says everything is published, and still names every type for the rest of the widget', () => {
    const summary = describeUnpublishedChanges({ total: 0, types: [condition, { ...faq, modified: 0 }] });
    expect(summary?.headline).toBe('Every saved change is published');
    expect(summary?.lines).toEqual([]);
    expect(summary?.names.get('faq')).toBe('FAQ');
  });

  it('says nothing for an answer of another shape', () => {
    expect(describeUnpublishedChanges({ error: 'Forbidden' })).toBeNull();
    expect(describeUnpublishedChanges(undefined)).toBeNull();
  });
});
