import vectors from '@clinic/shared-types/preview-link-vectors.json';
import { describe, expect, it } from 'vitest';
import {
  PREVIEW_COOKIE,
  previewSignature,
  readCookie,
  sessionCookie,
  signSession,
  verifyPreviewLink,
  verifySession,
} from './preview-link.ts';

const [vector] = vectors.vectors;
const { secret } = vectors;
const linkQuery = (overrides: Record<string, string> = {}) =>
  new URLSearchParams({ path: vector!.path, exp: String(vector!.exp), sig: vector!.sig, ...overrides });
const beforeExpiry = (vector!.exp - 600) * 1000;
/** Why a link was refused, or 'accepted'. */
const reasonOf = (check: ReturnType<typeof verifyPreviewLink>): string => (check.ok ? 'accepted' : check.reason);

describe('verifyPreviewLink', () => {
  it('accepts exactly what the CMS signs (the shared vectors)', () => {
    for (const v of vectors.vectors) {
      expect(previewSignature(secret, v.path, v.exp), v.path).toBe(v.sig);
      const query = new URLSearchParams({ path: v.path, exp: String(v.exp), sig: v.sig });
      expect(verifyPreviewLink(secret, query, (v.exp - 60) * 1000)).toEqual({ ok: true, path: v.path, exp: v.exp });
    }
  });

  it('refuses an unsigned link', () => {
    const check = verifyPreviewLink(secret, new URLSearchParams({ path: '/' }), beforeExpiry);
    expect(reasonOf(check)).toMatch(/not a signed preview link/);
  });

  it('refuses a link whose path, expiry or signature was changed, or signed with another secret', () => {
    for (const query of [
      linkQuery({ path: '/programs/' }),
      linkQuery({ exp: String(vector!.exp + 3600) }),
      linkQuery({ sig: vector!.sig.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }),
      linkQuery({ sig: 'short' }),
      linkQuery({ path: '//evil.example/', sig: previewSignature(secret, '//evil.example/', vector!.exp) }),
    ]) {
      expect(reasonOf(verifyPreviewLink(secret, query, beforeExpiry))).toMatch(/changed/);
    }
    expect(verifyPreviewLink('another-secret', linkQuery(), beforeExpiry).ok).toBe(false);
  });

  it('refuses an expired link, and one valid for more than an hour', () => {
    expect(reasonOf(verifyPreviewLink(secret, linkQuery(), vector!.exp * 1000))).toMatch(/expired/);
    expect(reasonOf(verifyPreviewLink(secret, linkQuery(), (vector!.exp - 7200) * 1000))).toMatch(
      /longer than an hour/,
    );
  });
});

describe('the preview session cookie', () => {
  const now = 1_900_000_000_000;
  const exp = now / 1000 + 1800;

  it('is valid until its expiry and only as signed', () => {
    const value = signSession(secret, exp);
    expect(verifySession(secret, value, now)).toBe(exp);
    expect(verifySession(secret, value, exp * 1000)).toBeNull();
    expect(verifySession('another-secret', value, now)).toBeNull();
    expect(verifySession(secret, value.replace(String(exp), String(exp + 1)), now)).toBeNull();
    expect(verifySession(secret, undefined, now)).toBeNull();
    expect(verifySession(secret, 'garbage', now)).toBeNull();
  });

  it('is HttpOnly, SameSite=None and Secure over https, SameSite=Lax over http', () => {
    const value = signSession(secret, exp);
    expect(sessionCookie(value, { exp, nowMs: now, secure: true })).toBe(
      `${PREVIEW_COOKIE}=${value}; Path=/; Max-Age=1800; HttpOnly; SameSite=None; Secure`,
    );
    expect(sessionCookie(value, { exp, nowMs: now, secure: false })).toBe(
      `${PREVIEW_COOKIE}=${value}; Path=/; Max-Age=1800; HttpOnly; SameSite=Lax`,
    );
  });

  it('is read from a Cookie header among others', () => {
    expect(readCookie(`a=1; ${PREVIEW_COOKIE}=x.y; b=2`, PREVIEW_COOKIE)).toBe('x.y');
    expect(readCookie('a=1', PREVIEW_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, PREVIEW_COOKIE)).toBeUndefined();
  });
});
