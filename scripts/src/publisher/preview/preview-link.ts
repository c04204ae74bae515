/**
 * The preview listener's access rules, pure: a signed link from the admin (signed by the CMS,
 * `cms/src/preview/sign-preview-link.ts`; both sides check `@clinic/shared-types/preview-link-vectors.json`)
 * is exchanged for a session cookie signed with the same secret, valid until the link's expiry.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where the admin's links point: `/__preview?path=...&exp=...&sig=...`. */
export const PREVIEW_ENTRY_ROUTE = '/__preview';
export const PREVIEW_COOKIE = 'clinic_preview';
/** No link or session lasts longer than this (the CMS signs for exactly an hour). */
export const MAX_PREVIEW_SECONDS = 3600;
// A little slack for clocks that differ between the CMS and the publisher.
const CLOCK_SLACK_SECONDS = 60;

/** HMAC-SHA256 (hex) over `<path>\n<exp>`, as the CMS signs. */
export function previewSignature(secret: string, path: string, exp: number): string {
  return createHmac('sha256', secret).update(`${path}\n${exp}`).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A site path a link may lead to: on this origin, never `//host` or a backslash. */
export function isSitePath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') && !/\s/.test(path);
}

export type LinkCheck = { ok: true; path: string; exp: number } | { ok: false; reason: string };

/** Checks a link's query: signed with `secret`, not expired, not valid for longer than an hour. */
export function verifyPreviewLink(secret: string, query: URLSearchParams, nowMs: number): LinkCheck {
  const path = query.get('path');
  const expText = query.get('exp');
  const sig = query.get('sig');
  if (!path || !expText || !sig) {
    return { ok: false, reason: 'This link is not a signed preview link. Open the preview from the CMS.' };
  }
  const exp = /^\d{1,12}$/.test(expText) ? Number(expText) : NaN;
  if (!isSitePath(path) || !Number.isSafeInteger(exp) || !sameHex(sig, previewSignature(secret, path, exp))) {
    return {
      ok: false,
      reason:
        'This preview link was changed after the CMS signed it, or was signed for another system. Open the preview from the CMS again.',
    };
  }
  const now = Math.floor(nowMs / 1000);
  if (exp <= now) {
    return {
      ok: false,
      reason: 'This preview link has expired (links last one hour). Open the preview from the CMS again.',
    };
  }
  if (exp > now + MAX_PREVIEW_SECONDS + CLOCK_SLACK_SECONDS) {
    return {
      ok: false,
      reason: 'This preview link claims to last longer than an hour. Open the preview from the CMS again.',
    };
  }
  return { ok: true, path, exp };
}

/** The session cookie's value for a session ending at `exp` (Unix seconds). */
export function signSession(secret: string, exp: number): string {
  return `${exp}.${createHmac('sha256', secret).update(`session\n${exp}`).digest('hex')}`;
}

/** The session's expiry (Unix seconds) when `value` is a valid, unexpired session; else null. */
export function verifySession(secret: string, value: string | undefined, nowMs: number): number | null {
  const match = value === undefined ? null : /^(\d{1,12})\.([0-9a-f]{64})$/.exec(value);
  if (!match) return null;
  const exp = Number(match[1]);
  if (!sameHex(value!, signSession(secret, exp))) return null;
  const now = Math.floor(nowMs / 1000);
  return exp > now && exp <= now + MAX_PREVIEW_SECONDS + CLOCK_SLACK_SECONDS ? exp : null;
}

/** One cookie's value from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * `Set-Cookie` for a session: HttpOnly, this origin's root, gone at `exp`. Over https it is
 * `SameSite=None; Secure`, so the admin on another site can frame the preview; over plain http
 * (a laptop, where admin and preview share `localhost`, one site) `SameSite=Lax`, since browsers
 * drop a `SameSite=None` cookie that is not `Secure`.
 */
export function sessionCookie(
  value: string,
  { exp, nowMs, secure }: { exp: number; nowMs: number; secure: boolean },
): string {
  const maxAge = Math.max(0, exp - Math.floor(nowMs / 1000));
  return `${PREVIEW_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; ${secure ? 'SameSite=None; Secure' : 'SameSite=Lax'}`;
}
