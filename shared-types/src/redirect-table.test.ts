import { describe, expect, it } from 'vitest';
import { normalizeSitePath } from './redirect-table.ts';

describe('normalizeSitePath', () => {
  it('gives a path the one form the build keys redirects with and the publisher looks them up with', () => {
    expect(normalizeSitePath('/programs/iop?utm=x')).toBe('/programs/iop/');
    expect(normalizeSitePath('/a/b#top')).toBe('/a/b/');
    expect(normalizeSitePath('/programs//iop/')).toBe('/programs/iop/');
    expect(normalizeSitePath('/%7Eold/')).toBe('/~old/');
    expect(normalizeSitePath('/old.html')).toBe('/old.html');
    expect(normalizeSitePath('/')).toBe('/');
  });

  it('refuses what is not a path of this site', () => {
    expect(normalizeSitePath('//evil.example/')).toBeNull();
    expect(normalizeSitePath('/\\evil.example/')).toBeNull();
    expect(normalizeSitePath('https://example.org/')).toBeNull();
    expect(normalizeSitePath('/%E0%A4%A/')).toBeNull();
    expect(normalizeSitePath('/a/../b/')).toBeNull();
    expect(normalizeSitePath('/a/%00/')).toBeNull();
  });
});
