/**
 * A page's share image (`og:image`), made while Astro renders the page: the card drawn from its
 * title, or its uploaded image cropped, cached by `social-card-store.ts` and served from the
 * site. A card is named by a hash of what it shows, so a publish that changes one title draws
 * one card (about 150 ms) and copies the rest from the cache.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Media } from '@clinic/shared-types';
import colors from 'tailwindcss/colors';
import config from '../../tailwind.config.mjs';
import type { Lang } from '../i18n/lang.ts';
import { absoluteMediaUrl } from './page-meta.ts';
import {
  cardKey,
  chooseSocialSources,
  SOCIAL_IMAGE_HEIGHT,
  SOCIAL_IMAGE_WIDTH,
  socialImagePath,
  socialImageType,
  uploadKey,
  type CardColors,
  type SocialImageType,
  type SocialSource,
} from './social-card.ts';
import { cropUpload, renderCard } from './social-card-render.ts';
import { ensureCached, recordSocialFile, socialCacheDir, socialProjectRoot, warnOnce } from './social-card-store.ts';

const sand = (config.theme?.extend?.colors as Record<string, Record<string, string>> | undefined)?.['sand'] ?? {};

/** The card's colours: the site's surface, action colour and text colours (see tailwind.config.mjs). */
export const CARD_COLORS: CardColors = {
  background: sand['50'] ?? '#ffffff',
  accent: colors.teal[800],
  title: colors.slate[900],
  name: colors.teal[900],
  sun: colors.amber[300],
  waveLight: colors.teal[50],
  waveDark: colors.teal[200],
};

/** Larger uploads are refused: a share image never needs one (Strapi's own default limit is 200 MB). */
const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 20_000;

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('image/')) throw new Error(`not an image (content-type ${type || 'none'})`);
  const data = Buffer.from(await response.arrayBuffer());
  if (data.byteLength > MAX_UPLOAD_BYTES) throw new Error(`larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  return data;
}

/** The cached file of one source, made if missing, with the public path it is served at. */
async function produce(
  source: SocialSource,
  clinicName: string,
  mediaOrigin: string | URL,
): Promise<{ publicPath: string; file: string; type: SocialImageType }> {
  const type = socialImageType(source);
  const key =
    source.kind === 'card'
      ? cardKey(source.title, clinicName, CARD_COLORS)
      : uploadKey(absoluteMediaUrl(source.media.url, mediaOrigin));
  const publicPath = socialImagePath(key, type);
  const file = path.join(socialCacheDir(), path.basename(publicPath));
  await ensureCached(file, async () => {
    if (source.kind === 'card') {
      const root = socialProjectRoot() ?? process.cwd();
      return renderCard({
        title: source.title,
        clinicName,
        colors: CARD_COLORS,
        resolveFrom: pathToFileURL(path.join(root, 'package.json')).href,
      });
    }
    return cropUpload(await download(absoluteMediaUrl(source.media.url, mediaOrigin)), CARD_COLORS.background);
  });
  return { publicPath, file, type };
}

/** A page's share image as its `<head>` names it. */
export interface ShareImage {
  /** Absolute, on the site's own origin. */
  url: string;
  alt: string;
  width: number;
  height: number;
  type: SocialImageType;
}

export interface ShareImageRequest {
  /** Names the page in warnings, e.g. "/programs/iop/". */
  page: string;
  title: string;
  clinicName: string;
  pageImage?: Pick<Media, 'url' | 'alternativeText'> | null | undefined;
  defaultImage?: Pick<Media, 'url' | 'alternativeText'> | null | undefined;
  /** Where relative upload URLs live (CMS_URL): read at build time only, never linked. */
  mediaOrigin: string | URL;
  siteUrl: string | URL;
  /** The page's language, for a generated card's alt text. @default 'en' */
  lang?: Lang | undefined;
}

/**
 * The page's share image, served from the site: the first of its sources (see
 * `chooseSocialSources`) that can be made. An upload that cannot be downloaded or read gives
 * way to the next source with a warning; the build fails only if none can be made.
 */
export async function resolveShareImage(request: ShareImageRequest): Promise<ShareImage> {
  const failures: string[] = [];
  if (request.pageImage && !request.pageImage.alternativeText?.trim()) {
    failures.push(
      `the SEO Social image ${request.pageImage.url} has no alternative text, so it is not shared; add its Alternative text in the Media Library`,
    );
  }
  for (const source of chooseSocialSources(request)) {
    try {
      const { publicPath, file, type } = await produce(source, request.clinicName, request.mediaOrigin);
      recordSocialFile(publicPath, file);
      // Build warnings for whoever reads the publisher's log; the page itself still has an image.
      if (failures.length > 0) {
        const problems = failures.join('; ');
        warnOnce(problems, `[social-card] ${request.page} (and any other page with the same image): ${problems}`);
      }
      return {
        url: new URL(publicPath, request.siteUrl).href,
        alt: source.alt,
        width: SOCIAL_IMAGE_WIDTH,
        height: SOCIAL_IMAGE_HEIGHT,
        type,
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failures.push(
        source.kind === 'upload'
          ? `the SEO Social image ${source.media.url} could not be used (${reason}), so the next choice is shown; upload a JPEG or PNG of at least 1200 x 630 px`
          : `the social card could not be drawn (${reason})`,
      );
    }
  }
  throw new Error(`No share image could be made for ${request.page}: ${failures.join('; ')}`);
}
