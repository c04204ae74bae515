/**
 * What a page needs to show an editor's image (`shared.image`) through Astro's image pipeline:
 * the upload to read at build time, the widths to make, the size the `<img>` declares and the
 * alt text. Astro downloads the upload from the CMS while building, re-encodes it with sharp
 * (which drops EXIF and GPS data) and serves the copies from the site's own `/_astro/` folder,
 * so no page names the CMS. Pure, so pages and tests share it.
 */
import type { Image as ImageField } from '@clinic/shared-types';
import { absoluteMediaUrl } from './page-meta.ts';

/** Widths made for `srcset`: phones (1x and 2x), tablets, laptops; never more than the original. */
export const RESPONSIVE_WIDTHS = [320, 480, 640, 800, 1024, 1280, 1600, 2048] as const;

/** Largest width made from any upload: a 4000 px phone photo is not shipped whole. */
export const MAX_IMAGE_WIDTH = 2048;

/**
 * Where the build reads editors' uploads: the CMS (`CMS_URL`, as the content loader reads it).
 * Read at build time only; pages never name it, their images are served from `/_astro/`.
 */
export function mediaOrigin(env: NodeJS.ProcessEnv = process.env): string {
  return env['CMS_URL'] || 'http://localhost:1337';
}

/** Uploads sharp can re-encode. An SVG or HEIC upload is not shown (Strapi's "images" allows both). */
const RASTER_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/tiff', 'image/gif']);

/** The `srcset` widths for an upload `originalWidth` px wide, up to its own width (capped at `maxWidth`). */
export function responsiveWidths(originalWidth: number, maxWidth = MAX_IMAGE_WIDTH): number[] {
  const largest = Math.min(Math.round(originalWidth), maxWidth);
  if (!(largest > 0)) return [];
  return [...RESPONSIVE_WIDTHS.filter((w) => w < largest), largest];
}

/**
 * The format browsers without WebP get: JPEG for photographs, PNG where the upload may be
 * transparent (a JPEG would turn its clear parts black).
 */
export function fallbackFormatOf(mime: string): 'jpg' | 'png' {
  return mime === 'image/png' || mime === 'image/gif' ? 'png' : 'jpg';
}

/** An image as a page renders it. */
export interface PreparedImage {
  /** The upload's absolute URL on the CMS: read at build time, never written into a page. */
  src: string;
  /** `""` for a decorative image, which screen readers skip. */
  alt: string;
  /** What the `<img>` declares, in the upload's proportions, so the page never shifts. */
  width: number;
  height: number;
  widths: number[];
  fallbackFormat: 'jpg' | 'png';
  caption: string | null;
  credit: string | null;
}

/** Why an image cannot be shown; the CMS refuses to publish such images, so this is a defect. */
export class ImageNotShownError extends Error {
  override name = 'ImageNotShownError';
}

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/**
 * An editor's image ready for `<Picture>`, or null when there is nothing to show (no image, no
 * file, or a file sharp cannot read). Throws when the image says neither what it shows nor that
 * it is decorative: the CMS refuses to publish that, and a page must never guess alt text.
 */
export function prepareImage(
  image: ImageField | null | undefined,
  mediaOrigin: string | URL,
  maxWidth = MAX_IMAGE_WIDTH,
): PreparedImage | null {
  const file = image?.file;
  if (!image || !file || !file.width || !file.height || !RASTER_TYPES.has(file.mime)) return null;
  const alt = image.decorative ? '' : text(image.alt);
  if (alt === null) {
    throw new ImageNotShownError(
      `The image ${file.url} has no Alt text and is not marked Decorative: describe it in the CMS, or tick Decorative.`,
    );
  }
  const src = absoluteMediaUrl(file.url, mediaOrigin);
  // Only the CMS's own uploads are admitted into the pipeline (astro.config.mjs); anything else
  // would be linked as it is, from another origin.
  if (new URL(src).origin !== new URL(mediaOrigin).origin) {
    throw new ImageNotShownError(
      `The image ${src} is not stored on the CMS (CMS_URL ${String(mediaOrigin)}): the site only shows uploads it can copy.`,
    );
  }
  const width = Math.min(file.width, maxWidth);
  return {
    src,
    alt,
    width,
    height: Math.round((file.height * width) / file.width),
    widths: responsiveWidths(file.width, maxWidth),
    fallbackFormat: fallbackFormatOf(file.mime),
    caption: text(image.caption),
    credit: text(image.credit),
  };
}

/** A pattern of `image.remotePatterns` that admits the CMS's uploads, and nothing else, into the pipeline. */
export function cmsUploadsPattern(cmsUrl: string): {
  protocol: string;
  hostname: string;
  port: string;
  pathname: string;
} {
  const url = new URL(cmsUrl);
  return {
    protocol: url.protocol.replace(/:$/, ''),
    hostname: url.hostname,
    port: url.port,
    pathname: '/uploads/**',
  };
}

/**
 * The upload a Markdown image names (`http://<cms>/uploads/x.jpg`, whatever origin the admin
 * wrote, or `/uploads/x.jpg`), on the CMS the build reads; null for anything else.
 */
export function uploadSourceOf(href: string, mediaOrigin: string | URL): string | null {
  let pathname: string;
  try {
    pathname = new URL(href, 'http://cms.invalid').pathname;
  } catch {
    return null;
  }
  if (!pathname.startsWith('/uploads/') || pathname === '/uploads/') return null;
  return new URL(pathname, mediaOrigin).href;
}

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What `pictureHtml` needs of Astro's `getImage` results: the files made, on the site. */
export interface PictureParts {
  /** `srcset` of the WebP copies. */
  webpSrcset: string;
  /** The fallback `<img>`: its `src` and `srcset`. */
  fallbackSrc: string;
  fallbackSrcset: string;
  width: number;
  height: number;
  alt: string;
  sizes: string;
}

/**
 * The `<picture>` that `<Picture>` renders, as a string, for HTML made outside a component (an
 * image in editor Markdown). Lazy: a body image is never the first thing on the page.
 */
export function pictureHtml(parts: PictureParts): string {
  const a = escapeAttribute;
  return (
    `<picture><source type="image/webp" srcset="${a(parts.webpSrcset)}" sizes="${a(parts.sizes)}">` +
    `<img src="${a(parts.fallbackSrc)}" srcset="${a(parts.fallbackSrcset)}" sizes="${a(parts.sizes)}"` +
    ` width="${parts.width}" height="${parts.height}" alt="${a(parts.alt)}" loading="lazy" decoding="async"></picture>`
  );
}
