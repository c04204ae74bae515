import { describe, expect, it } from 'vitest';
import { describeScheduledFailures, entryEditPath, type FailedScheduledAction } from './describe-scheduled-failures';

const failed = (fields: Partial<FailedScheduledAction>): FailedScheduledAction => ({
  documentId: 'a1',
  targetUid: 'api::faq.faq',
  targetDocumentId: 'faq1',
  targetLabel: 'Can I keep my phone?',
  mode: 'publish',
  clinicTimeText: 'Mon, Jan 5, 2026, 8:00 AM PST',
  failureReason: 'answer: answer must be defined.',
  editPath: '/content-manager/collection-types/api::faq.faq/faq1',
  ...fields,
});

describe('describeScheduledFailures', () => {
  it('says nothing when no scheduled change failed', () => {
    expect(describeScheduledFailures([])).toBeNull();
  });

  it('names one failed change, its entry, what was due when and why it failed', () => {
    expect(describeScheduledFailures([failed({})])).toEqual({
      headline: '1 scheduled change failed',
      lines: [
        {
          key: 'a1',
          entry: 'Can I keep my phone?',
          reason: 'Publish due Mon, Jan 5, 2026, 8:00 AM PST: answer: answer must be defined.',
          editPath: '/content-manager/collection-types/api::faq.faq/faq1',
        },
      ],
    });
  });

  it('counts several, and names an entry without a title by its type and id', () => {
    const summary = describeScheduledFailures([
      failed({}),
      failed({ documentId: 'a2', targetLabel: null, mode: 'unpublish', failureReason: null }),
    ]);
    expect(summary?.headline).toBe('2 scheduled changes failed');
    expect(summary?.lines[1]).toMatchObject({
      entry: 'faq faq1',
      reason: 'Unpublish due Mon, Jan 5, 2026, 8:00 AM PST: the reason was not recorded',
    });
  });
});

describe('entryEditPath', () => {
  it('opens a collection entry by its documentId, and a single type by its uid', () => {
    expect(entryEditPath('collectionType', 'api::faq.faq', 'abc', null)).toBe(
      '/content-manager/collection-types/api::faq.faq/abc',
    );
    expect(entryEditPath('singleType', 'api::facility.facility', 'xyz', null)).toBe(
      '/content-manager/single-types/api::facility.facility',
    );
  });

  it('keeps the locale of a localized entry', () => {
    expect(entryEditPath('collectionType', 'api::faq.faq', 'abc', 'es')).toBe(
      '/content-manager/collection-types/api::faq.faq/abc?plugins[i18n][locale]=es',
    );
  });
});
