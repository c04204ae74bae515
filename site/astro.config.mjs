// @ts-check
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import tailwind from '@astrojs/tailwind';
import { defineConfig } from 'astro/config';
import { repairExternalOutDir, sitemapRegistry, socialCards } from './src/lib/build-integrations.ts';
import { buildMemo } from './src/lib/build-memo.ts';
import { dataStoreAsJson } from './src/lib/data-store-module.ts';
import { isListedInSitemap, readSitemapPage, sitemapItemOf } from './src/lib/sitemap-registry.ts';
import { redirectsAndLinkCheck } from './src/lib/redirects-integration.ts';
import { cmsUploadsPattern } from './src/lib/responsive-image.ts';
import { searchIndex } from './src/lib/search-index-integration.ts';

/** The canonical origin: every canonical URL, Open Graph URL, sitemap entry and JSON-LD id uses it. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

/**
 * A preview build (the publisher's preview worker reads drafts, see src/loaders/preview-drafts.ts)
 * skips what only the public site needs, as an editor waits for it after every Save: no sitemap
 * (previews are never indexed) and no minifying (the same pages, only larger files).
 */
const preview = process.env.CMS_CONTENT_STATUS === 'draft';

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Inline only stylesheets under Vite's 4 KB limit. Ours is larger (about 18 KB): inlined
    // in every page it would push the longest pages past the 60 KB HTML budget, while as
    // one file it is fetched once and cached for every other page.
    inlineStylesheets: 'auto',
  },
  image: {
    // Editors' uploads enter Astro's pipeline (sharp) from the CMS at build time and are served
    // from the site; nothing else remote is processed. No `layout`: it writes inline styles,
    // which the CSP (style-src 'self') blocks.
    remotePatterns: [cmsUploadsPattern(process.env.CMS_URL || 'http://localhost:1337')],
  },
  // The only client JavaScript is the call-back form's enhancement; prefetching would add more.
  prefetch: false,
  vite: {
    // Never inline scripts: the Content-Security-Policy allows same-origin script files only.
    build: { assetsInlineLimit: 0, ...(preview ? { minify: false } : {}) },
  },
  devToolbar: { enabled: false },
  integrations: [
    // The content store reaches the pages as JSON text, not as a literal Rollup must analyse.
    dataStoreAsJson(),
    // What pages compute once per build from the whole content (both languages' pairing).
    buildMemo(),
    tailwind({
      // Base styles come from src/styles/global.css, imported once by the layout.
      applyBaseStyles: false,
      // By path: Tailwind looks for its config in the cwd, and the publisher's build worker
      // runs in a work directory of its own (see scripts/src/publisher/build/astro-build-worker.mjs).
      configFile: fileURLToPath(new URL('./tailwind.config.mjs', import.meta.url)),
    }),
    ...(preview
      ? []
      : [
          sitemapRegistry(),
          sitemap({
            // Pages marked noindex (seo.noindex, the thank-you page) and pages whose canonical is
            // another address stay out; @astrojs/sitemap already leaves out the 404 page.
            filter: (page) => isListedInSitemap(readSitemapPage(page)),
            // lastmod, and each language's version as an xhtml:link alternate (hreflang).
            serialize: (item) => sitemapItemOf(item, readSitemapPage(item.url)),
          }),
        ]),
    // Share images (og:image): copies the cards and crops the pages named into <outDir>/social/.
    socialCards(),
    // The redirect table (_redirects.json, _redirects) and the refusal of broken internal links.
    redirectsAndLinkCheck(),
    repairExternalOutDir(),
    // Last: indexes the finished output (see the integration for when the publisher does it instead).
    searchIndex(),
  ],
});
