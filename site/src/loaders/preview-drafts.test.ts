import { describe, expect, it } from 'vitest';
import { markDraftsPublished, readsDrafts } from './preview-drafts.ts';

describe('preview drafts', () => {
  it('reads drafts only when CMS_CONTENT_STATUS=draft', () => {
    expect(readsDrafts({ CMS_CONTENT_STATUS: 'draft' })).toBe(true);
    expect(readsDrafts({})).toBe(false);
    expect(readsDrafts({ CMS_CONTENT_STATUS: 'published' })).toBe(false);
  });

  it('gives a draft and its related drafts their last update as publishedAt, nothing else', () => {
    const body = {
      data: [
        {
          slug: 'iop',
          publishedAt: null,
          updatedAt: '2030-01-02T00:00:00.000Z',
          conditions: [{ slug: 'aud', publishedAt: null, updatedAt: '2030-01-01T00:00:00.000Z' }],
          seo: { metaTitle: 'IOP' },
        },
        { slug: 'php', publishedAt: '2029-12-01T00:00:00.000Z', updatedAt: '2030-01-03T00:00:00.000Z' },
      ],
      meta: { pagination: { page: 1 } },
    };
    expect(markDraftsPublished(body)).toEqual({
      data: [
        {
          slug: 'iop',
          publishedAt: '2030-01-02T00:00:00.000Z',
          updatedAt: '2030-01-02T00:00:00.000Z',
          conditions: [{ slug: 'aud', publishedAt: '2030-01-01T00:00:00.000Z', updatedAt: '2030-01-01T00:00:00.000Z' }],
          seo: { metaTitle: 'IOP' },
        },
        { slug: 'php', publishedAt: '2029-12-01T00:00:00.000Z', updatedAt: '2030-01-03T00:00:00.000Z' },
      ],
      meta: { pagination: { page: 1 } },
    });
    expect(body.data[0]!.publishedAt).toBeNull();
  });
});
