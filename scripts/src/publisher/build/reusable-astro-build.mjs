// @ts-check
/**
 * Astro's `build()` taken apart, so that a publisher's worker can render new content with the
 * page bundle it already has. Once a worker has built the site, a publish changes only the
 * content: the code (pages, layouts, styles, the call-back form's script) is what it was, and
 * so are the server and client bundles Vite made from it, which took most of every publish
 * (about 1.7 s of 3.7 s on the seeded site). A re-render runs the content-layer sync, then
 * Astro's own page generation (`generatePages`, images included) and every integration's
 * `astro:build:start` and `astro:build:done` hooks against the bundle of the last full build.
 * Its content sync starts from the store the last build left, so it tells the site's loaders which
 * documents the publisher's events changed (CONTENT_CHANGES_KEY), and they fetch only those.
 *
 * This drives Astro's internal build steps, in the order `AstroBuilder` (astro/dist/core/build)
 * runs them, so it is bound to one Astro version: with any other, `createReusableBuilder`
 * returns null and the worker runs Astro's `build()` as before. Each step below names the
 * Astro function it replaces or calls.
 *
 * What a page bundle may not depend on is content, and one module of it would: the content
 * store, which Astro bundles as data (`astro:data-layer-content`). The site's data-store
 * integration (site/src/lib/data-store-module.ts) makes that module read a holder on
 * `globalThis` instead when this builder announces one; this builder fills the holder with the
 * store's collections before every render (a full build's from the store file its sync wrote,
 * a re-render's from the store it keeps in memory). A bundle whose store module did not take the holder (a site
 * without that integration) is never reused.
 *
 * A full build runs whenever there is no bundle to reuse, when a source file of the site
 * changed since the bundle was made, when the content brings its own modules (images or
 * modules imported by content, which Vite bundles), and after a re-render failed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { unflatten } from 'devalue';

/** The Astro version whose internal build steps this module calls. */
export const REUSABLE_ASTRO_VERSION = '5.18.2';

/**
 * The holder the site's store module reads in a reusable bundle: `{ collections: Map, bundled }`.
 * The same registered symbol as LIVE_CONTENT_STORE_KEY in site/src/lib/data-store-module.ts.
 */
export const LIVE_CONTENT_STORE_KEY = Symbol.for('@clinic/site:live-content-store');

/**
 * Where a re-render tells the site's loaders which documents changed since the content its store
 * holds: `{ [modelSingularName]: documentIds }`, or undefined to fetch everything. Set only around
 * a re-render's content sync, whose store is the last build's, so a loader may keep what nothing
 * changed; a full build (whose store may be older than the events it builds) always fetches
 * everything. The same registered symbol as CONTENT_CHANGES_KEY in site/src/loaders/content-changes.ts.
 */
export const CONTENT_CHANGES_KEY = Symbol.for('@clinic/site:content-changes');

/**
 * Announces `changes` to the loaders (see CONTENT_CHANGES_KEY): a fresh plain object of fresh
 * arrays, so a loader cannot alter the request; undefined for none.
 * @param {Record<string, string[]> | null | undefined} changes
 */
export function announceContentChanges(changes) {
  const holder = /** @type {Record<symbol, Record<string, string[]> | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  holder[CONTENT_CHANGES_KEY] = changes
    ? Object.fromEntries(Object.entries(changes).map(([model, ids]) => [model, [...ids]]))
    : undefined;
}

/**
 * Where this builder tells the site's page memo (site/src/lib/page-memo.ts) what a build may do:
 * `{ mode: 'record' | 'reuse', build, bundle, rendered, reused }`. A full build renders and
 * records every page; a re-render whose changes the publisher named reuses each page whose
 * content did not change; any other re-render renders all. The same registered symbol as
 * PAGE_MEMO_CONTROL_KEY in page-memo.ts.
 */
export const PAGE_MEMO_CONTROL_KEY = Symbol.for('@clinic/site:page-memo-control');

/**
 * @typedef {object} PageMemoControl
 * @property {'record' | 'reuse'} mode
 * @property {number} build
 * @property {number} bundle
 * @property {number} rendered
 * @property {number} reused
 * @property {string} [outDir] Where the site writes the unchanged pages it keeps from Astro.
 * @property {string[]} [pageNames] Those pages' names, which join Astro's list of the build's pages.
 */

let pageMemoBuilds = 0;

/**
 * Starts a build of the page memo: a fresh control, which the site's memo follows; null (no memo)
 * in a preview worker.
 * @param {'record' | 'reuse'} mode @param {number} bundle @param {string} outDir
 * @returns {PageMemoControl | null}
 */
function startPageMemo(mode, bundle, outDir) {
  const holder = /** @type {Record<symbol, PageMemoControl | undefined>} */ (/** @type {unknown} */ (globalThis));
  pageMemoBuilds += 1;
  // A preview worker (drafts) always fetches everything, so it would record pages it never reuses.
  if (process.env.CMS_CONTENT_STATUS === 'draft') {
    holder[PAGE_MEMO_CONTROL_KEY] = undefined;
    return null;
  }
  holder[PAGE_MEMO_CONTROL_KEY] = {
    mode,
    build: pageMemoBuilds,
    bundle,
    rendered: 0,
    reused: 0,
    outDir,
    pageNames: [],
  };
  return holder[PAGE_MEMO_CONTROL_KEY];
}

/**
 * @typedef {object} LiveContentStore
 * @property {Map<string, unknown>} collections The store's collections, refilled in place before each render.
 * @property {boolean} bundled Set by the site's integration when the store module reads this holder.
 */

/** @returns {LiveContentStore} */
export function liveContentStore() {
  const holder = /** @type {Record<symbol, LiveContentStore | undefined>} */ (/** @type {unknown} */ (globalThis));
  holder[LIVE_CONTENT_STORE_KEY] ??= { collections: new Map(), bundled: false };
  return holder[LIVE_CONTENT_STORE_KEY];
}

/**
 * @typedef {object} BuildOutcome
 * @property {'full' | 'rerender'} kind
 * @property {string} [reason] Why a full build ran although a bundle was kept.
 */

/**
 * Every file under `dir` but dependencies, build output and dot folders (Astro's generated files).
 * @param {string} dir
 * @param {string[]} into
 */
function listSources(dir, into) {
  for (const entry of safeReaddir(dir)) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) listSources(file, into);
    else if (entry.isFile()) into.push(file);
  }
}

/**
 * A fingerprint of what a bundle is made from: the project's own files (its config files, `src/`
 * and `public/`) and the workspace packages it depends on (shared types), as path, size and
 * modification time of every file. Reading it takes a few milliseconds.
 * @param {string} root
 */
export function sourceStamp(root) {
  /** @type {string[]} */
  const files = [];
  for (const entry of safeReaddir(root)) {
    if (entry.isFile()) files.push(path.join(root, entry.name));
  }
  listSources(path.join(root, 'src'), files);
  listSources(path.join(root, 'public'), files);
  const { dependencies = {} } = JSON.parse(readOrEmpty(path.join(root, 'package.json')) || '{}');
  for (const name of Object.keys(dependencies).filter((dependency) => dependency.startsWith('@clinic/'))) {
    const linked = findPackageDir(root, name);
    if (linked) listSources(linked, files);
  }
  const hash = createHash('sha1');
  for (const file of files.sort()) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat) hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/**
 * Where Node finds package `name` from `root` (node_modules upwards), links resolved.
 * @param {string} root @param {string} name
 */
function findPackageDir(root, name) {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(candidate)) return fs.realpathSync(candidate);
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * The entries of `dir`, none if it cannot be read.
 * @param {string} dir
 * @returns {fs.Dirent[]}
 */
function safeReaddir(dir) {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** @param {string} file */
function readOrEmpty(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Astro's internal modules this builder calls, or null for another Astro version.
 * @param {string} root the Astro project, from which `astro` resolves
 */
async function loadAstroInternals(root) {
  const require = createRequire(path.join(root, 'package.json'));
  const packageFile = require.resolve('astro/package.json');
  const { version } = JSON.parse(fs.readFileSync(packageFile, 'utf8'));
  if (version !== REUSABLE_ASTRO_VERSION) return null;
  const dist = path.join(path.dirname(packageFile), 'dist');
  /** @param {string} file @returns {Promise<any>} */
  const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
  const [
    config,
    logging,
    settings,
    util,
    polyfill,
    hooks,
    astroServer,
    routing,
    createVite,
    sync,
    pageData,
    staticBuild,
    generate,
    encryption,
    contentLayer,
    mutableStore,
    timer,
    contentUtils,
  ] = await Promise.all(
    [
      'core/config/config.js',
      'core/config/logging.js',
      'core/config/settings.js',
      'core/util.js',
      'core/polyfill.js',
      'integrations/hooks.js',
      'vite-plugin-astro-server/plugin.js',
      'core/routing/index.js',
      'core/create-vite.js',
      'core/sync/index.js',
      'core/build/page-data.js',
      'core/build/static-build.js',
      'core/build/generate.js',
      'core/encryption.js',
      'content/content-layer.js',
      'content/mutable-data-store.js',
      'core/config/timer.js',
      'content/utils.js',
    ].map(load),
  );
  return {
    resolveConfig: config.resolveConfig,
    createNodeLogger: logging.createNodeLogger,
    createSettings: settings.createSettings,
    ensureProcessNodeEnv: util.ensureProcessNodeEnv,
    applyPolyfill: polyfill.apply,
    runHookConfigSetup: hooks.runHookConfigSetup,
    runHookConfigDone: hooks.runHookConfigDone,
    runHookBuildStart: hooks.runHookBuildStart,
    runHookBuildDone: hooks.runHookBuildDone,
    createDevelopmentManifest: astroServer.createDevelopmentManifest,
    createRoutesList: routing.createRoutesList,
    createVite: createVite.createVite,
    syncInternal: sync.syncInternal,
    collectPagesData: pageData.collectPagesData,
    viteBuild: staticBuild.viteBuild,
    generatePages: generate.generatePages,
    createKey: encryption.createKey,
    getEnvironmentKey: encryption.getEnvironmentKey,
    hasEnvironmentKey: encryption.hasEnvironmentKey,
    globalContentLayer: contentLayer.globalContentLayer,
    getDataStoreFile: contentLayer.getDataStoreFile,
    MutableDataStore: mutableStore.MutableDataStore,
    AstroTimer: timer.AstroTimer,
    globalContentConfigObserver: contentUtils.globalContentConfigObserver,
  };
}

/**
 * Every file of `dir`, relative, with forward slashes.
 * @param {string} dir
 */
function listFiles(dir) {
  /** @type {string[]} */
  const files = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files.push(path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  return files;
}

/**
 * The images the pages ask for are collected while they render (astro:assets' `addStaticImage`)
 * and generated once all are rendered. Astro keeps the list on `globalThis` for the life of the
 * process; a fresh `astro build` starts with none, and so does every build here.
 */
function forgetStaticImages() {
  const assets = /** @type {{ astroAsset?: { staticImages?: Map<string, unknown> } }} */ (globalThis).astroAsset;
  if (assets?.staticImages) assets.staticImages = new Map();
}

/**
 * @typedef {object} BuildRequestLike
 * @property {string} root
 * @property {string} outDir
 * @property {import('astro').AstroInlineConfig} inlineConfig Astro's inline config for `build()`.
 * @property {Record<string, string[]> | null} [changes] The documents changed since the last build,
 *   by model singular name; a re-render hands them to the loaders (CONTENT_CHANGES_KEY). Null or
 *   absent: everything.
 * @property {(line: string) => void} [log]
 */

/**
 * What a full build leaves for re-renders: Astro's settings, logger and build options, the
 * build's internals (pages, their styles and scripts, the bundle's entry points), the server
 * bundle's folder and files, and what tells whether they still fit.
 * @typedef {object} KeptBundle
 * @property {any} settings
 * @property {any} logger
 * @property {any} opts
 * @property {any} internals
 * @property {unknown[]} routes
 * @property {string} serverOut
 * @property {Set<string>} serverFiles
 * @property {string} stamp
 * @property {string} contentImports
 * @property {unknown} addStaticImage
 * @property {Map<string, unknown>} collections The content store's collections, as the last build
 *   left them: a re-render's sync updates them in memory (see `rerender`).
 * @property {number} pageBundle This bundle's number for the page memo.
 */

/**
 * @param {string} root the Astro project
 * @returns {Promise<null | { build(request: BuildRequestLike): Promise<BuildOutcome>, forget(): void }>}
 */
export async function createReusableBuilder(root) {
  const astro = await loadAstroInternals(root);
  if (!astro) return null;
  const live = liveContentStore();

  /**
   * The store of the latest full build's content sync (Astro's syncInternal opens its own; a
   * re-render's store has no file). A sync that fails
   * half way leaves that store with a save pending, which Astro writes 500 ms later: on top of the
   * next build's store file, had the next build started by then. After a failure it is written
   * at once, so the next sync starts from it and replaces every collection.
   * @type {{ waitUntilSaveComplete(): Promise<unknown> } | null}
   */
  let lastStore = null;
  const fromFile = astro.MutableDataStore.fromFile.bind(astro.MutableDataStore);
  astro.MutableDataStore.fromFile = async (/** @type {URL} */ file) => (lastStore = await fromFile(file));
  const settleFailedSync = async () => {
    await lastStore?.waitUntilSaveComplete().catch(() => {});
  };

  /** @type {KeptBundle | null} What the last full build leaves for re-renders. */
  let kept = null;

  /** The collections of the store file a full build's sync wrote. */
  const readStoreFile = (/** @type {any} */ settings) => {
    const file = fileURLToPath(astro.getDataStoreFile(settings, false));
    const text = readOrEmpty(file);
    const collections = text ? unflatten(JSON.parse(text)) : new Map();
    if (!(collections instanceof Map)) throw new Error(`${file} does not hold a content store`);
    return /** @type {Map<string, unknown>} */ (collections);
  };

  /** Points the holder the bundle's store module reads at `collections`. */
  const fillLiveStore = (/** @type {Map<string, unknown>} */ collections) => {
    live.collections.clear();
    for (const [name, entries] of collections) live.collections.set(name, entries);
  };

  /** The modules content itself imports (Astro writes them beside its generated types). */
  const contentImports = (/** @type {any} */ settings) =>
    ['content-assets.mjs', 'content-modules.mjs']
      .map((name) => readOrEmpty(fileURLToPath(new URL(name, settings.dotAstroDir))))
      .join('\0');

  /**
   * Copies what Vite built besides the server bundle (client scripts, CSS, the public folder)
   * from Astro's staging folder into the output, keeping the server bundle where it is for the
   * next re-render. Astro's `cleanServerOutput` deletes that bundle and moves the rest.
   * @param {string} serverOut @param {Set<string>} serverFiles @param {string} outDir
   */
  const copyBuiltFiles = (serverOut, serverFiles, outDir) => {
    for (const file of listFiles(serverOut)) {
      if (serverFiles.has(file) || file.endsWith('.d.ts')) continue;
      const target = path.join(outDir, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(path.join(serverOut, file), target);
    }
  };

  /** Ends Astro's timer and writes its stats, as `AstroBuilder.run` does. */
  const finishTimer = (/** @type {any} */ settings) => {
    settings.timer.end('Total build');
    settings.timer.writeStats();
  };

  /** A full build, as `build()` runs it, keeping the server bundle and what rendering needs. */
  const fullBuild = async (/** @type {BuildRequestLike} */ request) => {
    kept = null;
    live.bundled = false;
    // The store may be older than the changes (a new worker's, or a failed re-render's): a full
    // build fetches everything, whatever the request says.
    announceContentChanges(undefined);
    // Astro stages the server bundle here; the last full build's must not reach this output.
    const serverOut = path.join(process.cwd(), '.astro');
    fs.rmSync(serverOut, { recursive: true, force: true });
    fs.mkdirSync(serverOut, { recursive: true });
    const stamp = sourceStamp(request.root);
    astro.ensureProcessNodeEnv('production');
    astro.applyPolyfill();
    const logger = astro.createNodeLogger(request.inlineConfig);
    const { astroConfig } = await astro.resolveConfig(request.inlineConfig, 'build');
    let settings = await astro.createSettings(astroConfig, fileURLToPath(astroConfig.root));
    settings.timer.start('Total build');
    try {
      const started = performance.now();
      // AstroBuilder.setup
      settings = await astro.runHookConfigSetup({ settings, command: 'build', logger });
      const manifest = astro.createDevelopmentManifest(settings);
      const routesList = await astro.createRoutesList({ settings }, logger);
      await astro.runHookConfigDone({ settings, logger, command: 'build' });
      if (settings.buildOutput !== 'static') throw new Error('the reusable build makes static sites only');
      const viteConfig = await astro.createVite(
        { server: { hmr: false, middlewareMode: true } },
        { settings, logger, mode: 'production', command: 'build', sync: false, routesList, manifest },
      );
      await astro.syncInternal({
        mode: 'production',
        settings,
        logger,
        fs,
        routesList,
        command: 'build',
        manifest,
      });
      // AstroBuilder.build
      await astro.runHookBuildStart({ config: settings.config, logger });
      logger.info('build', 'Collecting build info...');
      const { assets, allPages } = astro.collectPagesData({ settings, logger, manifest: routesList });
      const opts = {
        allPages,
        settings,
        logger,
        routesList,
        runtimeMode: 'production',
        origin: new URL(settings.config.site ?? `http://localhost:${settings.config.server.port}`).origin,
        pageNames: /** @type {string[]} */ ([]),
        teardownCompiler: false,
        viteConfig,
        key: astro.hasEnvironmentKey() ? astro.getEnvironmentKey() : astro.createKey(),
      };
      forgetStaticImages();
      const { internals, ssrOutputChunkNames } = await astro.viteBuild(opts);
      if (settings.serverIslandNameMap.size > 0) throw new Error('server islands need an adapter');
      // The bundle's own images are collected through this while pages render; Astro removes it
      // once they are generated, and a re-render puts it back.
      const addStaticImage = /** @type {any} */ (globalThis).astroAsset?.addStaticImage;
      const collections = readStoreFile(settings);
      fillLiveStore(collections);
      // staticBuild: generatePages, then the server bundle stays and the rest is copied.
      settings.timer.start('Static generate');
      const pageBundle = pageMemoBuilds + 1;
      startPageMemo('record', pageBundle, fileURLToPath(settings.config.outDir));
      await astro.generatePages(opts, internals);
      const serverFiles = new Set(
        /** @type {string[]} */ (ssrOutputChunkNames)
          .filter((name) => name.endsWith('.mjs'))
          .flatMap((name) => [name, `${name}.map`])
          .concat(internals.manifestFileName ? [internals.manifestFileName] : []),
      );
      const outDir = fileURLToPath(settings.config.outDir);
      if (path.resolve(outDir).startsWith(path.resolve(serverOut)))
        throw new Error('the output may not be in the staging folder');
      copyBuiltFiles(serverOut, serverFiles, outDir);
      settings.timer.end('Static generate');
      for (const [file, contents] of Object.entries(assets)) {
        if (!contents) continue;
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, contents, 'utf8');
      }
      const routes = Object.values(allPages)
        .flat()
        .map((page) => /** @type {{ route: unknown }} */ (page).route);
      await astro.runHookBuildDone({ settings, pages: opts.pageNames, routes, logger });
      logger.info('build', `${opts.pageNames.length} page(s) built in ${Math.round(performance.now() - started)}ms`);
      if (live.bundled) {
        kept = {
          settings,
          logger,
          opts,
          internals,
          routes,
          serverOut,
          serverFiles,
          stamp,
          contentImports: contentImports(settings),
          addStaticImage,
          collections,
          pageBundle,
        };
      }
    } finally {
      finishTimer(settings);
    }
  };

  /**
   * New content through the kept bundle, or the reason it cannot be.
   * @param {KeptBundle} bundle @param {BuildRequestLike} request
   * @returns {Promise<string | null>} null once rendered, else why a full build must run
   */
  const rerender = async (bundle, request) => {
    if (sourceStamp(request.root) !== bundle.stamp) return 'a source file of the site changed';
    if (astro.globalContentConfigObserver.get()?.status !== 'loaded') return 'the content config is not loaded';
    const { settings, logger, internals } = bundle;
    settings.config.outDir = pathToFileURL(path.resolve(request.outDir) + path.sep);
    settings.timer = new astro.AstroTimer();
    settings.timer.start('Total build');
    try {
      const started = performance.now();
      // The content layer's sync, as syncInternal runs it (without the generated types), on the
      // last build's store kept in memory: a store without a file, so the sync neither reads nor
      // writes the store file (with 10,000 extra FAQs, 10 MB parsed and written twice per
      // publish, about 0.8 s). The file stays as the last full build wrote it, for the next full
      // build, which fetches everything anyway. A sync that fails leaves this store half updated,
      // and the full build that follows drops it.
      settings.timer.start('Sync content layer');
      const store = await astro.MutableDataStore.fromMap(bundle.collections);
      const layer = astro.globalContentLayer.init({ settings, logger, store });
      // This store is the last build's, so the loaders need fetch only what changed since.
      announceContentChanges(request.changes);
      try {
        await layer.sync();
      } finally {
        // Nothing after this sync (a full build after a failure, another process's loaders) may
        // take these changes for its own.
        announceContentChanges(undefined);
        layer.dispose();
      }
      settings.timer.end('Sync content layer');
      if (contentImports(settings) !== bundle.contentImports) return 'the content imports modules of its own';
      await astro.runHookBuildStart({ config: settings.config, logger });
      logger.info('build', 'Rendering new content with the page bundle of the last full build');
      const opts = { ...bundle.opts, pageNames: /** @type {string[]} */ ([]) };
      forgetStaticImages();
      const assets = /** @type {any} */ (globalThis).astroAsset;
      if (assets && bundle.addStaticImage) assets.addStaticImage = bundle.addStaticImage;
      // A loader that replaced a whole collection left a new Map of it in the store.
      fillLiveStore(bundle.collections);
      settings.timer.start('Static generate');
      // Pages whose content did not change are reused only when the publisher named the changes:
      // a build that fetches everything (media, a forced rebuild, every 15 minutes) renders all.
      const pages = startPageMemo(request.changes ? 'reuse' : 'record', bundle.pageBundle, request.outDir);
      await astro.generatePages(opts, internals);
      // The unchanged pages the site wrote itself are the build's pages too (the sitemap's).
      opts.pageNames.push(...(pages?.pageNames ?? []));
      if (pages)
        request.log?.(
          `[pages] ${pages.rendered} rendered, ${pages.reused} unchanged${pages.mode === 'record' ? ' (every page renders: no list of changes)' : ''}`,
        );
      copyBuiltFiles(bundle.serverOut, bundle.serverFiles, request.outDir);
      settings.timer.end('Static generate');
      await astro.runHookBuildDone({ settings, pages: opts.pageNames, routes: bundle.routes, logger });
      logger.info('build', `${opts.pageNames.length} page(s) built in ${Math.round(performance.now() - started)}ms`);
      return null;
    } finally {
      finishTimer(settings);
    }
  };

  /** @param {BuildRequestLike} request @returns {Promise<BuildOutcome>} */
  const buildOnce = async (request) => {
    if (kept) {
      const bundle = kept;
      let reason;
      try {
        reason = await rerender(bundle, request);
      } catch (error) {
        kept = null;
        await settleFailedSync();
        // Content that does not validate fails a full build the same way; anything else
        // (a bundle that no longer loads) deserves the full build that follows.
        reason = `the re-render failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      }
      if (reason === null) return { kind: 'rerender' };
      kept = null;
      request.log?.(`[publisher] full build: ${reason}`);
      fs.rmSync(request.outDir, { recursive: true, force: true });
      fs.mkdirSync(request.outDir, { recursive: true });
      await fullBuild(request);
      return { kind: 'full', reason };
    }
    await fullBuild(request);
    return { kind: 'full' };
  };

  return {
    async build(request) {
      try {
        return await buildOnce(request);
      } catch (error) {
        await settleFailedSync();
        throw error;
      }
    },
    forget() {
      kept = null;
    },
  };
}
