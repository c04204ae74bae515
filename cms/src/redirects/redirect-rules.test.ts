import { normalizeSitePath as sharedNormalizeSitePath } from '@clinic/shared-types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRedirectProblems, normalizeSitePath, parseAllowedHosts, slugTypedFor } from './redirect-rules';
import { entryPath, isFixedPage, localizedPath, splitLocalePath } from './site-paths';

const context = {
  isLivePage: (path: string) => path === '/contact/',
  allowedHosts: parseAllowedHosts('partner.example.org'),
};

describe('normalizeSitePath', () => {
  it('gives one form per path: trailing slash, canonical escapes, no query or fragment', () => {
    expect(normalizeSitePath('/old-iop')).toBe('/old-iop/');
    expect(normalizeSitePath('/a//b/?x=1#y')).toBe('/a/b/');
    expect(normalizeSitePath('/caf%C3%A9')).toBe(normalizeSitePath('/café/'));
    expect(normalizeSitePath('/old.html')).toBe('/old.html');
    expect(normalizeSitePath('/')).toBe('/');
  });

  it('refuses what is not a path of this site', () => {
    for (const raw of ['old', '//evil.example/', '/\\evil', 'https://x.example/', '/a/../b', '/%E0%A4%A']) {
      expect(normalizeSitePath(raw), raw).toBeNull();
    }
  });

  it("agrees with shared-types' normalizeSitePath, which the site build and the publisher use", () => {
    // The CMS runs as CommonJS and cannot load shared-types' TypeScript: its copy is held here.
    const segment = fc.oneof(
      fc.constantFrom('', '.', '..', '%7E', '%2F', '%E0%A4%A', 'caf%C3%A9', 'café', 'old.html', 'a?b', 'a#b', '\\'),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    const path = fc.tuple(fc.constantFrom('/', '//', ' /', 'x/'), fc.array(segment, { maxLength: 5 }));
    fc.assert(
      fc.property(path, ([lead, segments]) => {
        const raw = lead + segments.join('/');
        expect(normalizeSitePath(raw), raw).toBe(sharedNormalizeSitePath(raw));
      }),
      { seed: 20261201, numRuns: 2000 },
    );
  });
});

describe('findRedirectProblems', () => {
  it('accepts a redirect to an entry, to an internal path, and a 410 without a target', () => {
    expect(
      findRedirectProblems(
        { fromPath: '/old/', httpStatus: 'moved-permanently-301', targetType: 'condition', targetDocumentId: 'abc' },
        context,
      ),
    ).toEqual([]);
    expect(
      findRedirectProblems(
        { fromPath: '/old/', httpStatus: 'found-302', targetType: 'path', targetPath: '/contact/' },
        context,
      ),
    ).toEqual([]);
    expect(findRedirectProblems({ fromPath: '/gone/', httpStatus: 'gone-410' }, context)).toEqual([]);
  });

  it('refuses a source that is a live page or not a path, naming fromPath', () => {
    expect(findRedirectProblems({ fromPath: '/contact', httpStatus: 'gone-410' }, context)[0]?.path).toEqual([
      'fromPath',
    ]);
    expect(findRedirectProblems({ fromPath: 'old', httpStatus: 'gone-410' }, context)[0]?.path).toEqual(['fromPath']);
  });

  it('refuses an external target unless its host is allowed (no open redirect)', () => {
    const external = (targetPath: string) =>
      findRedirectProblems(
        { fromPath: '/old/', httpStatus: 'moved-permanently-301', targetType: 'path', targetPath },
        context,
      );
    expect(external('https://evil.example/')[0]).toMatchObject({ path: ['targetPath'] });
    expect(external('//evil.example/')[0]).toMatchObject({ path: ['targetPath'] });
    expect(external('https://partner.example.org/iop/')).toEqual([]);
  });

  it('refuses a missing target and a redirect to itself', () => {
    expect(
      findRedirectProblems({ fromPath: '/old/', httpStatus: 'moved-permanently-301', targetType: 'path' }, context)[0]
        ?.path,
    ).toEqual(['targetPath']);
    expect(
      findRedirectProblems(
        { fromPath: '/old/', httpStatus: 'moved-permanently-301', targetType: 'program-level' },
        context,
      )[0]?.path,
    ).toEqual(['targetDocumentId']);
    expect(
      findRedirectProblems({ fromPath: '/old', httpStatus: 'found-302', targetPath: '/old/' }, context)[0]?.path,
    ).toEqual(['targetPath']);
  });
});

describe('entryPath', () => {
  it('puts each entry where the site builds its page', () => {
    expect(entryPath('program-level', 'intensive-outpatient-program')).toBe('/programs/intensive-outpatient-program/');
    expect(entryPath('treatment-modality', 'group-therapy')).toBe('/treatments/group-therapy/');
    expect(entryPath('condition', 'co-occurring-disorders')).toBe('/conditions/co-occurring-disorders/');
  });
});

describe('slugTypedFor', () => {
  it("reads an entry's slug from its bare slug or its page's address, however it is slashed", () => {
    expect(slugTypedFor('treatment-modality', 'group-therapy')).toEqual({ slug: 'group-therapy', locale: null });
    for (const typed of [' /treatments/group-therapy/ ', '/treatments/group-therapy', 'treatments/group-therapy/'])
      expect(slugTypedFor('treatment-modality', typed), typed).toEqual({ slug: 'group-therapy', locale: 'en' });
  });

  it("reads a Spanish page's address as the Spanish slug, in locale es", () => {
    for (const typed of ['/es/treatments/terapia-de-grupo/', 'es/treatments/terapia-de-grupo'])
      expect(slugTypedFor('treatment-modality', typed), typed).toEqual({ slug: 'terapia-de-grupo', locale: 'es' });
    expect(slugTypedFor('treatment-modality', '/es/treatments/terapia%20de%20grupo/')).toEqual({
      slug: 'terapia de grupo',
      locale: 'es',
    });
  });

  it('finds no slug in an empty value or in the address of another kind of page', () => {
    for (const typed of [
      '',
      '  ',
      '/programs/group-therapy/',
      '/treatments/',
      '/treatments/a/b/',
      '/contact/',
      '/es/treatments/',
      '/es/programs/terapia-de-grupo/',
      '/fr/treatments/group-therapy/',
    ])
      expect(slugTypedFor('treatment-modality', typed), typed).toBeNull();
  });
});

describe('the editions (splitLocalePath, localizedPath, isFixedPage)', () => {
  it('puts Spanish paths under /es and reads them back as locale es', () => {
    expect(localizedPath('es', entryPath('program-level', 'desintoxicacion-medica'))).toBe(
      '/es/programs/desintoxicacion-medica/',
    );
    expect(localizedPath('en', '/faq/')).toBe('/faq/');
    expect(splitLocalePath('/es/programs/desintoxicacion-medica/')).toEqual({
      locale: 'es',
      path: '/programs/desintoxicacion-medica/',
    });
    expect(splitLocalePath('/es/')).toEqual({ locale: 'es', path: '/' });
    // Only the /es segment itself: /espanol/ is an English-edition path.
    expect(splitLocalePath('/espanol/')).toEqual({ locale: 'en', path: '/espanol/' });
  });

  it("knows every edition's fixed pages, and no entry page or other path as one", () => {
    for (const path of ['/', '/contact/', '/es/', '/es/contact/', '/es/faq/', '/es/search/'])
      expect(isFixedPage(path), path).toBe(true);
    for (const path of ['/es/programs/x/', '/espanol/', '/es/es/', '/old-page/'])
      expect(isFixedPage(path), path).toBe(false);
  });
});
