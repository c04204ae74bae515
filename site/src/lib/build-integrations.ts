import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { clearSitemapRegistry, readSitemapPage } from './sitemap-registry.ts';
import { clearSocialFiles, configureSocialCards, pruneSocialCache, readSocialFiles } from './social-card-store.ts';

/**
 * Starts each build with an empty sitemap registry (pages record their `lastmod` and
 * `noindex` there while they render) and warns about pages that recorded nothing, which
 * would reach the sitemap without a `lastmod`.
 */
export function sitemapRegistry(): AstroIntegration {
  return {
    name: '@clinic/sitemap-registry',
    hooks: {
      'astro:build:start': () => clearSitemapRegistry(),
      'astro:build:done': ({ pages, logger }) => {
        const unrecorded = pages
          .map((p) => `/${p.pathname}`)
          .filter((pathname) => !/^\/(404|500)\/?$/.test(pathname) && !readSitemapPage(pathname));
        if (unrecorded.length > 0) logger.warn(`Pages without sitemap facts (no lastmod): ${unrecorded.join(', ')}`);
      },
    },
  };
}

/** What Astro copies from `.astro/` into an output directory outside the project. */
export const STRAY_BUILD_FILES = [
  'content-assets.mjs',
  'content-modules.mjs',
  'collections',
  'data-store.json',
  'settings.json',
];

/** Every file under a directory, relative path to contents. */
function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), fs.readFileSync(file));
  }
  return files;
}

/**
 * Works around https://github.com/withastro/astro/issues/14903: when `--outDir` is outside
 * the working directory (as the publisher's build directories are), Astro 5 stages the
 * build in the project's `.astro/`, copies that folder's content-layer files into the
 * output and then deletes `.astro/`, generated types included. This removes those files
 * from the output (they are not part of the site and must not be served) and puts back
 * what `.astro/` held when the build started, so type checks keep working afterwards.
 */
export function repairExternalOutDir(): AstroIntegration {
  let dotAstroDir = '';
  let snapshot = new Map<string, Buffer>();
  // Astro takes the detour only when the output is outside the working directory
  // (getOutDirWithinCwd in astro/dist/core/build/common.js): the same test here.
  const isExternal = (outDir: string) => !outDir.startsWith(process.cwd());
  return {
    name: '@clinic/repair-external-out-dir',
    hooks: {
      'astro:config:done': ({ config }) => {
        dotAstroDir = fileURLToPath(new URL('.astro/', config.root));
      },
      'astro:build:start': () => {
        snapshot = readTree(dotAstroDir);
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (!isExternal(outDir)) return;
        const removed = STRAY_BUILD_FILES.filter((name) => fs.existsSync(path.join(outDir, name)));
        for (const name of removed) fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
        if (removed.length > 0) logger.info(`Removed Astro's internal files from the output: ${removed.join(', ')}`);
        for (const [relative, contents] of snapshot) {
          const file = path.join(dotAstroDir, relative);
          if (fs.existsSync(file)) continue;
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, contents);
        }
      },
    },
  };
}

/**
 * Share images (see social-card-store.ts): points the store at Astro's cache folder, copies
 * the images the pages named into `<outDir>/social/` once every page is rendered, and serves
 * them from the cache under `astro dev`.
 */
export function socialCards(): AstroIntegration {
  return {
    name: '@clinic/social-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        configureSocialCards({ cacheDir: fileURLToPath(config.cacheDir), root: fileURLToPath(config.root) });
      },
      'astro:build:start': () => clearSocialFiles(),
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = readSocialFiles();
        for (const [publicPath, file] of files) {
          const target = path.join(outDir, publicPath);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.copyFileSync(file, target);
        }
        const pruned = pruneSocialCache();
        logger.info(`${files.size} share images${pruned > 0 ? `, ${pruned} unused ones removed from the cache` : ''}`);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const file = readSocialFiles().get(req.url?.split('?')[0] ?? '');
          if (!file) return next();
          res.setHeader('Content-Type', file.endsWith('.png') ? 'image/png' : 'image/jpeg');
          res.end(fs.readFileSync(file));
        });
      },
    },
  };
}
