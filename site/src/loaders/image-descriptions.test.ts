import { describe, expect, it } from 'vitest';
import { findUndescribedImages } from './image-descriptions.ts';

const file = { id: 1, url: '/uploads/a.jpg' };

describe('findUndescribedImages', () => {
  it('accepts described and decorative images, empty image fields, and fields that are not images', () => {
    expect(
      findUndescribedImages({
        heroImage: { file, alt: 'Garden path', decorative: false },
        photos: [{ file, alt: null, decorative: true }],
        seo: { socialImage: file, metaTitle: null },
        sources: [{ title: 'NAMI' }],
        empty: { file: null, alt: null, decorative: false },
      }),
    ).toEqual([]);
  });

  it('names the alt field of each image without alt text that is not decorative', () => {
    const issues = findUndescribedImages({
      heroImage: { file, alt: ' ', decorative: false },
      photos: [
        { file, alt: 'Garden', decorative: false },
        { file, alt: null, decorative: false },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      ['heroImage', 'alt'],
      ['photos', 1, 'alt'],
    ]);
  });
});
