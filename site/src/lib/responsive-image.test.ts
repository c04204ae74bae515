import type { Image as ImageField } from '@clinic/shared-types';
import { describe, expect, it } from 'vitest';
import {
  cmsUploadsPattern,
  fallbackFormatOf,
  ImageNotShownError,
  prepareImage,
  responsiveWidths,
} from './responsive-image.ts';

const CMS = 'http://127.0.0.1:1337';

function image(overrides: Partial<ImageField> = {}, file: Partial<NonNullable<ImageField['file']>> = {}): ImageField {
  return {
    id: 1,
    alt: 'Group room with chairs in a circle',
    decorative: false,
    caption: null,
    credit: null,
    ...overrides,
    file: {
      id: 9,
      documentId: 'f9',
      url: '/uploads/group_room_3f2a.jpg',
      alternativeText: null,
      width: 3000,
      height: 2000,
      mime: 'image/jpeg',
      formats: null,
      ...file,
    },
  };
}

describe('responsiveWidths', () => {
  it('makes the standard widths below the original and the original itself, never wider', () => {
    expect(responsiveWidths(1000)).toEqual([320, 480, 640, 800, 1000]);
    expect(responsiveWidths(1280)).toEqual([320, 480, 640, 800, 1024, 1280]);
    expect(responsiveWidths(300)).toEqual([300]);
  });

  it('stops at the largest width a page needs', () => {
    expect(responsiveWidths(4032)).toEqual([320, 480, 640, 800, 1024, 1280, 1600, 2048]);
    expect(responsiveWidths(4032, 1280)).toEqual([320, 480, 640, 800, 1024, 1280]);
  });

  it('makes nothing of an upload without a width', () => {
    expect(responsiveWidths(0)).toEqual([]);
    expect(responsiveWidths(Number.NaN)).toEqual([]);
  });
});

describe('fallbackFormatOf', () => {
  it('falls back to JPEG for photos and PNG where the upload may be transparent', () => {
    expect(fallbackFormatOf('image/jpeg')).toBe('jpg');
    expect(fallbackFormatOf('image/webp')).toBe('jpg');
    expect(fallbackFormatOf('image/png')).toBe('png');
  });
});

describe('prepareImage', () => {
  it('reads the upload from the CMS, declares its proportions at the largest width made, and keeps its alt text', () => {
    expect(prepareImage(image({ caption: ' Our garden ', credit: '' }), CMS)).toEqual({
      src: 'http://127.0.0.1:1337/uploads/group_room_3f2a.jpg',
      alt: 'Group room with chairs in a circle',
      width: 2048,
      height: 1365,
      widths: [320, 480, 640, 800, 1024, 1280, 1600, 2048],
      fallbackFormat: 'jpg',
      caption: 'Our garden',
      credit: null,
    });
  });

  it('gives a decorative image an empty alt, whatever alt text it has', () => {
    expect(prepareImage(image({ decorative: true, alt: 'ignored' }), CMS)?.alt).toBe('');
    expect(prepareImage(image({ decorative: true, alt: null }), CMS)?.alt).toBe('');
  });

  it('shows nothing for no image, no file, or a file sharp cannot re-encode', () => {
    expect(prepareImage(null, CMS)).toBeNull();
    expect(prepareImage({ ...image(), file: null }, CMS)).toBeNull();
    expect(prepareImage(image({}, { mime: 'image/svg+xml' }), CMS)).toBeNull();
    expect(prepareImage(image({}, { width: null }), CMS)).toBeNull();
  });

  it('refuses an image that neither says what it shows nor is decorative, rather than guess', () => {
    expect(() => prepareImage(image({ alt: '  ' }), CMS)).toThrow(ImageNotShownError);
    expect(() => prepareImage(image({ alt: null }), CMS)).toThrow(/no Alt text and is not marked Decorative/);
  });

  it('refuses an upload stored on another origin, which the site would have to link to', () => {
    expect(() => prepareImage(image({}, { url: 'https://bucket.example/x.jpg' }), CMS)).toThrow(
      /not stored on the CMS/,
    );
  });
});

describe('cmsUploadsPattern', () => {
  it("admits the CMS's uploads folder and nothing else of it", () => {
    expect(cmsUploadsPattern('http://127.0.0.1:41337')).toEqual({
      protocol: 'http',
      hostname: '127.0.0.1',
      port: '41337',
      pathname: '/uploads/**',
    });
    expect(cmsUploadsPattern('https://cms.example.org/').port).toBe('');
  });
});
