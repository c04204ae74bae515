import type { Redirect } from '@clinic/shared-types';
import { describe, expect, it } from 'vitest';
import { buildRedirectTable, formatStaticHostRedirects } from './redirect-table.ts';

function redirect(fields: Partial<Redirect> & Pick<Redirect, 'fromPath'>): Redirect {
  return {
    id: 1,
    documentId: `doc-${fields.fromPath}`,
    httpStatus: 'moved-permanently-301',
    targetType: 'path',
    targetDocumentId: null,
    targetPath: null,
    note: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    publishedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

const targets = {
  en: {
    'program-level': new Map([
      ['iop-doc', 'intensive-outpatient-program'],
      ['detox-doc', 'medical-detox'],
    ]),
    'treatment-modality': new Map<string, string>(),
    condition: new Map<string, string>(),
  },
  // The detox level's Spanish version is not published.
  es: {
    'program-level': new Map([['iop-doc', 'programa-ambulatorio-intensivo']]),
    'treatment-modality': new Map<string, string>(),
    condition: new Map<string, string>(),
  },
};
const pages = new Set([
  '/programs/intensive-outpatient-program/',
  '/programs/medical-detox/',
  '/es/programs/programa-ambulatorio-intensivo/',
  '/contact/',
  '/es/contact/',
]);
const isPage = (path: string) => pages.has(path);

describe('buildRedirectTable', () => {
  it("sends a renamed entry's old pages to its current page, each in one hop", () => {
    const { rules } = buildRedirectTable(
      [
        redirect({ fromPath: '/programs/iop/', targetType: 'program-level', targetDocumentId: 'iop-doc' }),
        redirect({ fromPath: '/programs/iop-old/', targetType: 'program-level', targetDocumentId: 'iop-doc' }),
      ],
      targets,
      isPage,
    );
    expect(rules).toEqual([
      { from: '/programs/iop-old/', status: 301, to: '/programs/intensive-outpatient-program/' },
      { from: '/programs/iop/', status: 301, to: '/programs/intensive-outpatient-program/' },
    ]);
  });

  it("sends an old /es/ page to the entry's Spanish page, and English sources to the English page", () => {
    const { rules } = buildRedirectTable(
      [
        redirect({ fromPath: '/es/programs/pai/', targetType: 'program-level', targetDocumentId: 'iop-doc' }),
        redirect({ fromPath: '/programs/iop/', targetType: 'program-level', targetDocumentId: 'iop-doc' }),
        // /espanol/ is not under /es/: an English-edition address.
        redirect({ fromPath: '/espanol/iop/', targetType: 'program-level', targetDocumentId: 'iop-doc' }),
      ],
      targets,
      isPage,
    );
    expect(rules).toEqual([
      { from: '/es/programs/pai/', status: 301, to: '/es/programs/programa-ambulatorio-intensivo/' },
      { from: '/espanol/iop/', status: 301, to: '/programs/intensive-outpatient-program/' },
      { from: '/programs/iop/', status: 301, to: '/programs/intensive-outpatient-program/' },
    ]);
  });

  it("sends an old /es/ page to the entry's English page while no Spanish version is published", () => {
    const { rules, skipped } = buildRedirectTable(
      [
        redirect({
          fromPath: '/es/programs/desintoxicacion/',
          targetType: 'program-level',
          targetDocumentId: 'detox-doc',
        }),
        redirect({ fromPath: '/es/programs/borrador/', targetType: 'program-level', targetDocumentId: 'draft-only' }),
      ],
      targets,
      isPage,
    );
    expect(rules).toEqual([{ from: '/es/programs/desintoxicacion/', status: 301, to: '/programs/medical-detox/' }]);
    expect(skipped).toEqual(['/es/programs/borrador/: its target (program-level draft-only) is not published']);
  });

  it('leaves out an /es/ source that is a live Spanish page', () => {
    const { rules, skipped } = buildRedirectTable(
      [
        redirect({
          fromPath: '/es/programs/programa-ambulatorio-intensivo/',
          targetType: 'program-level',
          targetDocumentId: 'iop-doc',
        }),
        redirect({ fromPath: '/es/contact', targetPath: '/es/' }),
      ],
      targets,
      isPage,
    );
    expect(rules).toEqual([]);
    expect(skipped).toEqual(['/es/contact/: a live page', '/es/programs/programa-ambulatorio-intensivo/: a live page']);
  });

  it('follows a path target through other redirects to its end, with the trailing slash', () => {
    const { rules } = buildRedirectTable(
      [
        redirect({ fromPath: '/a/', targetPath: '/b' }),
        redirect({ fromPath: '/b/', httpStatus: 'found-302', targetPath: '/contact' }),
        redirect({ fromPath: '/gone/', httpStatus: 'gone-410' }),
        redirect({ fromPath: '/to-gone/', targetPath: '/gone/' }),
      ],
      targets,
      isPage,
    );
    expect(rules).toEqual([
      { from: '/a/', status: 301, to: '/contact/' },
      { from: '/b/', status: 302, to: '/contact/' },
      { from: '/gone/', status: 410 },
      { from: '/to-gone/', status: 410 },
    ]);
  });

  it('leaves out a source that is a live page, a loop and an unpublished target entry', () => {
    const { rules, skipped } = buildRedirectTable(
      [
        redirect({ fromPath: '/contact/', targetPath: '/faq/' }),
        redirect({ fromPath: '/x/', targetPath: '/y/' }),
        redirect({ fromPath: '/y/', targetPath: '/x/' }),
        redirect({ fromPath: '/old/', targetType: 'condition', targetDocumentId: 'draft-only' }),
      ],
      targets,
      isPage,
    );
    expect(rules).toEqual([]);
    expect(skipped).toHaveLength(4);
  });
});

describe('formatStaticHostRedirects', () => {
  it('writes one "from to status" line per rule, a 410 with the gone page', () => {
    expect(
      formatStaticHostRedirects([
        { from: '/a/', status: 301, to: '/contact/' },
        { from: '/gone/', status: 410 },
      ]),
    ).toBe('/a/ /contact/ 301\n/gone/ /410/ 410\n');
  });
});
