import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The contract issue's rule: a workspace reaches another only by its package name
 * (`@clinic/site/faq-pages`), never by a relative path, so each package's exports say what
 * others may use. Production code and tests alike.
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORKSPACES = ['cms', 'site', 'shared-types', 'scripts', 'testing', 'deploy'];
const SKIP = new Set(['node_modules', 'dist', 'build', '.astro', '.strapi', '.data', '.tmp', 'types']);
const SOURCE = /\.(ts|tsx|mts|js|mjs|cjs|astro)$/;
// `from '…'`, `import '…'`, `import('…')`, `require('…')`, `export … from '…'`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(path.join(dir, entry.name));
    return SOURCE.test(entry.name) ? [path.join(dir, entry.name)] : [];
  });
}

function crossWorkspaceImports(file: string, text: string): string[] {
  const own = path.relative(repo, file).split(path.sep)[0];
  return [...text.matchAll(SPECIFIER)].flatMap(([, specifier]) => {
    const target = path.relative(repo, path.resolve(path.dirname(file), specifier ?? '.'));
    const workspace = target.split(path.sep)[0];
    return workspace !== own ? [`${path.relative(repo, file)} imports ${specifier}`] : [];
  });
}

describe('workspaces import each other by package name only', () => {
  it('finds a relative import that leaves its workspace, and lets one inside it pass', () => {
    const file = path.join(repo, 'cms', 'src', 'preview', 'x.ts');
    expect(crossWorkspaceImports(file, "import { a } from '../../../site/src/lib/faq-pages.ts';")).toHaveLength(1);
    expect(crossWorkspaceImports(file, "const b = await import('../../../shared-types/src/index.ts');")).toHaveLength(
      1,
    );
    expect(crossWorkspaceImports(file, "import { c } from '../../scripts/build-state.ts';")).toEqual([]);
    expect(crossWorkspaceImports(file, "import { d } from '@clinic/site/faq-pages';")).toEqual([]);
  });

  it('has no relative import from one workspace into another', () => {
    const offenders = WORKSPACES.flatMap((workspace) =>
      sourceFiles(path.join(repo, workspace))
        // This file's own examples above are strings, not imports.
        .filter((file) => file !== fileURLToPath(import.meta.url))
        .flatMap((file) => crossWorkspaceImports(file, fs.readFileSync(file, 'utf8'))),
    );
    expect(offenders).toEqual([]);
  });
});
