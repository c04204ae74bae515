import type { Image as ImageField } from '@clinic/shared-types';
import { describe, expect, it } from 'vitest';
import {
  cmsUploadsPattern,
  fallbackFormatOf,
  ImageNotShownError,
  mediaOrigin,
  pictureHtml,
  prepareImage,
  responsiveWidths,
  uploadSourceOf,
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

describe('uploadSourceOf', () => {
  it('reads an upload a Markdown image names from the CMS the build reads, whatever origin the admin wrote', () => {
    expect(uploadSourceOf('http://localhost:1337/uploads/room_ab12.jpg', CMS)).toBe(`${CMS}/uploads/room_ab12.jpg`);
    expect(uploadSourceOf('/uploads/a%20b.jpg', CMS)).toBe(`${CMS}/uploads/a%20b.jpg`);
  });

  it('leaves out anything that is not an upload', () => {
    expect(uploadSourceOf('https://cdn.example/x.jpg', CMS)).toBeNull();
    expect(uploadSourceOf('/uploads/', CMS)).toBeNull();
    expect(uploadSourceOf('javascript:alert(1)', CMS)).toBeNull();
  });
});

describe('pictureHtml', () => {
  it('writes a lazy WebP picture with its fallback, size and escaped alt text', () => {
    expect(
      pictureHtml({
        webpSrcset: '/_astro/a.webp 320w, /_astro/b.webp 640w',
        fallbackSrc: '/_astro/b.jpg',
        fallbackSrcset: '/_astro/a.jpg 320w, /_astro/b.jpg 640w',
        width: 640,
        height: 480,
        alt: 'Room "A" <quiet> & calm',
        sizes: '100vw',
      }),
    ).toBe(
      '<picture><source type="image/webp" srcset="/_astro/a.webp 320w, /_astro/b.webp 640w" sizes="100vw">' +
        '<img src="/_astro/b.jpg" srcset="/_astro/a.jpg 320w, /_astro/b.jpg 640w" sizes="100vw" width="640" height="480"' +
        ' alt="Room &quot;A&quot; &lt;quiet&gt; &amp; calm" loading="lazy" decoding="async"></picture>',
    );
  });
});

describe('mediaOrigin', () => {
  it('reads uploads from CMS_URL, or the CMS on localhost as the content loader does', () => {
    expect(mediaOrigin({ CMS_URL: 'http://cms.internal:1337' })).toBe('http://cms.internal:1337');
    expect(mediaOrigin({ CMS_URL: '' })).toBe('http://localhost:1337');
    expect(mediaOrigin({})).toBe('http://localhost:1337');
  });
});
