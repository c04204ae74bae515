import { describe, expect, it } from 'vitest';
import vectors from '@clinic/shared-types/preview-link-vectors.json';
import { isSitePath, previewSignature, signPreviewLink } from './sign-preview-link';

describe('signPreviewLink', () => {
  it('signs exactly as the shared vectors the publisher verifies', () => {
    for (const vector of vectors.vectors) {
      expect(previewSignature(vectors.secret, vector.path, vector.exp), vector.path).toBe(vector.sig);
    }
  });

  it('links to the preview origin with the path, an expiry an hour ahead and the signature', () => {
    const vector = vectors.vectors[0]!;
    const link = new URL(
      signPreviewLink({
        origin: 'http://localhost:4323',
        path: vector.path,
        secret: vectors.secret,
        now: (vector.exp - 3600) * 1000 + 999,
      }),
    );
    expect(link.origin).toBe('http://localhost:4323');
    expect(link.pathname).toBe('/__preview');
    expect(link.searchParams.get('path')).toBe(vector.path);
    expect(link.searchParams.get('exp')).toBe(String(vector.exp));
    expect(link.searchParams.get('sig')).toBe(vector.sig);
  });

  it('refuses to sign anything but a path on the site', () => {
    for (const path of ['https://evil.example/', '//evil.example/', '/\\evil', 'programs/']) {
      expect(isSitePath(path), path).toBe(false);
      expect(() => signPreviewLink({ origin: 'http://localhost:4323', path, secret: 's', now: 0 })).toThrow(/path/);
    }
  });
});
