/**
 * Draws share images: a card from a page's title (satori lays it out as SVG with the text as
 * paths, sharp rasterises it to PNG) and a 1200x630 crop of an uploaded image. Buffers in,
 * buffers out; the cache and the files are `social-card-store.ts`'s.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ReactNode } from 'react';
import satori from 'satori';
import sharp from 'sharp';
import { cardTitleSize, SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH, type CardColors } from './social-card.ts';

/** The font of the cards: Atkinson Hyperlegible, from the npm package (satori reads WOFF, not WOFF2). */
const FONT_PACKAGE = '@fontsource/atkinson-hyperlegible';
const FONT_FILES = [
  { name: 'Atkinson Hyperlegible', file: 'atkinson-hyperlegible-latin-700-normal.woff' },
  // Letters beyond Western European ones (ő, ł, ș...): satori takes each glyph from the first
  // font of the family list that has it.
  { name: 'Atkinson Hyperlegible Ext', file: 'atkinson-hyperlegible-latin-ext-700-normal.woff' },
] as const;
const FONT_FAMILY = FONT_FILES.map((font) => `'${font.name}'`).join(', ');

type SatoriFont = Parameters<typeof satori>[1]['fonts'][number];
let fonts: SatoriFont[] | undefined;

/**
 * The card fonts, read once per process. `resolveFrom` is a file inside the project: the
 * rendering code runs from Astro's bundle, whose own location depends on the build's outDir.
 */
function loadFonts(resolveFrom: string): SatoriFont[] {
  if (fonts) return fonts;
  // The package exports its CSS only; its entry sits at the package's root, beside files/.
  const entry = createRequire(resolveFrom).resolve(FONT_PACKAGE);
  const dir = path.join(path.dirname(entry), 'files');
  fonts = FONT_FILES.map(({ name, file }) => ({
    name,
    data: fs.readFileSync(path.join(dir, file)),
    weight: 700 as const,
    style: 'normal' as const,
  }));
  return fonts;
}

/** The clinic's mark (components/Logo.astro), for satori's <img>. */
function logoDataUri(colors: CardColors): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">` +
    `<rect width="32" height="32" rx="8" fill="${colors.accent}"/>` +
    `<circle cx="16" cy="13" r="5" fill="${colors.sun}"/>` +
    `<path d="M5 20c3.5-2.5 7-2.5 11 0s7.5 2.5 11 0" stroke="${colors.waveLight}" stroke-width="2.2" fill="none" stroke-linecap="round"/>` +
    `<path d="M5 25c3.5-2.5 7-2.5 11 0s7.5 2.5 11 0" stroke="${colors.waveDark}" stroke-width="2.2" fill="none" stroke-linecap="round"/>` +
    `</svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** A satori element without React: satori reads the same `{ type, props }` objects. */
function h(type: string, style: Record<string, unknown>, ...children: unknown[]): ReactNode {
  return { type, key: null, props: { style, children } };
}

function img(src: string, size: number): ReactNode {
  return { type: 'img', key: null, props: { src, width: size, height: size } };
}

export interface CardInput {
  /** The card's text (`cardTitle`). */
  title: string;
  clinicName: string;
  colors: CardColors;
  /** A file inside the site, to find the font package from. */
  resolveFrom: string;
}

/** A 1200x630 PNG: the clinic's logo and name above the title, on the site's colours. */
export async function renderCard({ title, clinicName, colors, resolveFrom }: CardInput): Promise<Buffer> {
  const showTitle = title !== clinicName;
  const size = cardTitleSize(title);
  const tree = h(
    'div',
    {
      width: '100%',
      height: '100%',
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: colors.background,
      fontFamily: FONT_FAMILY,
      fontWeight: 700,
    },
    h(
      'div',
      {
        display: 'flex',
        flexDirection: 'column',
        flexGrow: 1,
        justifyContent: showTitle ? 'space-between' : 'center',
        padding: '72px 80px 64px',
      },
      h(
        'div',
        { display: 'flex', alignItems: 'center' },
        img(logoDataUri(colors), showTitle ? 96 : 144),
        h('div', { marginLeft: 28, fontSize: showTitle ? 40 : 72, color: colors.name, lineHeight: 1.15 }, clinicName),
      ),
      // Three lines at most: a longer title (they are at most 60 characters) is cut, not shrunk.
      ...(showTitle
        ? [h('div', { display: 'flex', fontSize: size, color: colors.title, lineHeight: 1.15, lineClamp: 3 }, title)]
        : []),
    ),
    h('div', { display: 'flex', height: 24, backgroundColor: colors.accent }),
  );
  const svg = await satori(tree, {
    width: SOCIAL_IMAGE_WIDTH,
    height: SOCIAL_IMAGE_HEIGHT,
    fonts: loadFonts(resolveFrom),
  });
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true, quality: 90 }).toBuffer();
}

/**
 * An uploaded image as a share image: turned upright by its EXIF orientation, cropped to
 * 1200x630 around its most interesting part, flattened onto the card background (no
 * transparency in link previews), as JPEG without any metadata (sharp drops EXIF, GPS and
 * ICC unless told to keep them).
 */
export async function cropUpload(input: Buffer, background: string): Promise<Buffer> {
  return sharp(input, { failOn: 'error' })
    .rotate()
    .resize(SOCIAL_IMAGE_WIDTH, SOCIAL_IMAGE_HEIGHT, { fit: 'cover', position: sharp.strategy.attention })
    .flatten({ background })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
}
