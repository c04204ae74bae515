/**
 * The share image of a page (`og:image`): which picture, its alt text, where it is served
 * from and what names its cached file. Pure decisions only; drawing and downloading are in
 * `social-card-render.ts`, the cache and the build's files in `social-card-store.ts`.
 */
import { createHash } from 'node:crypto';
import type { Media } from '@clinic/shared-types';
import { dictionaryOf } from '../i18n/index.ts';
import type { Lang } from '../i18n/lang.ts';
import { normalizeWhitespace } from './page-meta.ts';

/** The size every share image is served at: what Facebook, LinkedIn and X show uncropped. */
export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;

/** Where share images are served on the site. */
export const SOCIAL_IMAGE_DIR = '/social/';

/**
 * Bump when the drawing changes (layout, sizes, fonts) or the crop of uploads: every cached
 * card and crop is made again. Colours need no bump, they are part of the key.
 */
export const SOCIAL_CARD_DESIGN_VERSION = 1;

/** The colours of a generated card, from the site's Tailwind theme. */
export interface CardColors {
  /** The page's surface (sand-50). */
  background: string;
  /** The band along the bottom and the logo tile (teal-800, the site's action colour). */
  accent: string;
  /** The title (slate-900). */
  title: string;
  /** The clinic's name (teal-900). */
  name: string;
  /** The logo's sun (amber-300) and its waves (teal-50, teal-200). */
  sun: string;
  waveLight: string;
  waveDark: string;
}

/** What a share image is made from, in the order a page tries them. */
export type SocialSource =
  | { kind: 'upload'; media: Pick<Media, 'url' | 'alternativeText'>; alt: string }
  | { kind: 'card'; title: string; alt: string };

export interface SocialSourceInput {
  /** The page's title as its `<title>` shows it. */
  title: string;
  clinicName: string;
  /** The page's own SEO social image. */
  pageImage?: Pick<Media, 'url' | 'alternativeText'> | null | undefined;
  /** The facility's default SEO social image. */
  defaultImage?: Pick<Media, 'url' | 'alternativeText'> | null | undefined;
  /** The language of the page, for the generated card's alt text. @default 'en' */
  lang?: Lang | undefined;
}

/**
 * The text of a generated card: the page's title without the " | Clinic" that `<title>`
 * appends, or a "Clinic | " an editor's SEO title starts with (the card shows the clinic's
 * name on its own line). The clinic's name when nothing else is left.
 */
export function cardTitle(title: string, clinicName: string): string {
  const clean = normalizeWhitespace(title);
  const name = normalizeWhitespace(clinicName);
  if (!name) return clean;
  const separator = '\\s*[|:\\u2013\\u2014-]\\s*';
  const clinic = escapeRegExp(name);
  const affixes = new RegExp(`^${clinic}${separator}|${separator}${clinic}$`, 'gi');
  return clean.replace(affixes, '').trim() || name;
}

/** The alt text of a generated card, in the page's language: a sentence that names the title and the clinic. */
export function cardAlt(title: string, clinicName: string, lang: Lang = 'en'): string {
  const t = dictionaryOf(lang).shareCard;
  const text = cardTitle(title, clinicName);
  const name = normalizeWhitespace(clinicName);
  if (text === name) return t.nameOnly(name);
  return t.withTitle(text, name);
}

/**
 * Every share image a page may use, best first: its own uploaded image, a card drawn from
 * its title, then the facility's default image. An upload without alternative text is
 * skipped: a share image always comes with its alt text.
 */
export function chooseSocialSources({
  title,
  clinicName,
  pageImage,
  defaultImage,
  lang = 'en',
}: SocialSourceInput): SocialSource[] {
  const upload = (media: SocialSourceInput['pageImage']): SocialSource[] => {
    const alt = normalizeWhitespace(media?.alternativeText ?? '');
    return media && alt ? [{ kind: 'upload', media, alt }] : [];
  };
  return [
    ...upload(pageImage),
    { kind: 'card', title: cardTitle(title, clinicName), alt: cardAlt(title, clinicName, lang) },
    ...upload(defaultImage),
  ];
}

function sha256(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Names a generated card by what it shows: the same title, clinic and design give the same
 * key (and file) across pages and builds; any change gives a new one.
 */
export function cardKey(title: string, clinicName: string, colors: CardColors): string {
  return sha256(['card', SOCIAL_CARD_DESIGN_VERSION, colors, title, clinicName]).slice(0, 20);
}

/**
 * Names the crop of an uploaded image by the upload's absolute URL: Strapi puts a hash of the
 * file in it, so a replaced image has a new URL.
 */
export function uploadKey(absoluteUrl: string): string {
  return sha256(['upload', SOCIAL_CARD_DESIGN_VERSION, absoluteUrl]).slice(0, 20);
}

/** The file types of share images: cards are PNG (flat colour, sharp text), uploads JPEG (photos). */
export type SocialImageType = 'image/png' | 'image/jpeg';

export function socialImageType(source: SocialSource): SocialImageType {
  return source.kind === 'card' ? 'image/png' : 'image/jpeg';
}

/**
 * The path a share image is served at, by its key. Named by content, so a changed image gets a
 * new address and link previews that cached the old one fetch it again.
 */
export function socialImagePath(key: string, type: SocialImageType): string {
  return `${SOCIAL_IMAGE_DIR}${key}.${type === 'image/png' ? 'png' : 'jpg'}`;
}

/**
 * The font size of a card's title: as large as fits three lines of the card's width; long
 * titles (up to 60 characters, see TITLE_MAX) step down.
 */
export function cardTitleSize(title: string): number {
  if (title.length <= 28) return 76;
  if (title.length <= 45) return 66;
  return 56;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
