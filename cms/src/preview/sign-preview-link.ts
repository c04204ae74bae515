import { createHmac } from 'node:crypto';

/**
 * Signs the preview links the admin opens. The publisher's preview listener verifies them
 * (`scripts/src/publisher/preview/preview-link.ts`, the same algorithm; both tests check
 * `@clinic/shared-types/preview-link-vectors.json`): HMAC-SHA256 with `PREVIEW_SECRET` over
 * `<path>\n<exp>`, hex, where `exp` is the expiry in Unix seconds.
 */

/** How long a signed link may be opened. */
export const PREVIEW_LINK_TTL_SECONDS = 3600;

/** The listener's route that exchanges a signed link for a preview cookie. */
export const PREVIEW_ENTRY_ROUTE = '/__preview';

/** A site path a link may point at: absolute on the preview origin, never `//host` or a backslash. */
export function isSitePath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') && !/[\s]/.test(path);
}

/** The signature of `path` valid until `exp` (Unix seconds). */
export function previewSignature(secret: string, path: string, exp: number): string {
  return createHmac('sha256', secret).update(`${path}\n${exp}`).digest('hex');
}

export interface SignPreviewLinkOptions {
  /** The preview listener's public origin (PREVIEW_URL). */
  origin: string;
  /** The site path to show, e.g. `/programs/intensive-outpatient-program/` or `/faq/#slug`. */
  path: string;
  secret: string;
  /** Now, in milliseconds. */
  now: number;
  /** @default PREVIEW_LINK_TTL_SECONDS */
  ttlSeconds?: number;
}

/** `<origin>/__preview?path=...&exp=...&sig=...`, valid for an hour. */
export function signPreviewLink({
  origin,
  path,
  secret,
  now,
  ttlSeconds = PREVIEW_LINK_TTL_SECONDS,
}: SignPreviewLinkOptions): string {
  if (!isSitePath(path)) throw new Error(`preview path must be a path on the site, got ${JSON.stringify(path)}`);
  const exp = Math.floor(now / 1000) + ttlSeconds;
  const url = new URL(PREVIEW_ENTRY_ROUTE, origin);
  url.searchParams.set('path', path);
  url.searchParams.set('exp', String(exp));
  url.searchParams.set('sig', previewSignature(secret, path, exp));
  return url.href;
}
