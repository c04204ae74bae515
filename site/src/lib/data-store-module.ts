import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The Vite plugin added to the build: the hook it has, typed where it is called. */
export interface DataStorePlugin {
  name: string;
  enforce: 'pre';
  transform(code: string, id: string): { code: string; map: { mappings: '' } } | null;
}

/** The module through which Astro's build hands the content layer's store to the pages. */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/**
 * The store module's code: the store's JSON (devalue's flat array) as one string that the page
 * bundle parses when it loads. Astro writes it as an object literal (`dataToEsm`), which Rollup
 * parses and tree-shakes node by node; one string literal is the same data to the pages.
 */
export function dataStoreModuleCode(json: string): string {
  return `export default JSON.parse(${JSON.stringify(json)});`;
}

/**
 * The holder of the content a publisher's worker renders with (the registered symbol of
 * scripts/src/publisher/build/reusable-astro-build.mjs): when it is there at build time, the
 * store module reads the holder's collections instead of carrying the store, so the page bundle
 * holds no content and the worker can render new content with it, refilling the holder in
 * place before each render. `bundled` tells the worker that this happened.
 */
export const LIVE_CONTENT_STORE_KEY = Symbol.for('@clinic/site:live-content-store');

interface LiveContentStore {
  collections: Map<string, unknown>;
  bundled: boolean;
}

function liveContentStore(): LiveContentStore | undefined {
  return (globalThis as { [LIVE_CONTENT_STORE_KEY]?: LiveContentStore })[LIVE_CONTENT_STORE_KEY];
}

/** The store module's code when a worker holds the content: its collections, a Map as Astro expects. */
export const LIVE_STORE_MODULE_CODE = `export default globalThis[Symbol.for(${JSON.stringify(
  LIVE_CONTENT_STORE_KEY.description,
)})].collections;`;

/**
 * Ships the content layer's store to the build as JSON text instead of a JavaScript literal.
 * Astro 5.18 turns `data-store.json` into one object literal that Rollup parses into hundreds
 * of thousands of AST nodes: with 10,000 extra FAQs in two languages that alone took the build
 * past 1.8 GB of memory. Only in `astro build`, and only after Astro's own load, which reports a
 * store that does not parse.
 */
export function dataStoreAsJson(): AstroIntegration {
  return {
    name: '@clinic/data-store-as-json',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        // Where `astro build` keeps the store (Astro's getDataStoreFile: the cache dir when not in dev).
        const storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        const plugin: DataStorePlugin = {
          name: 'clinic:data-store-as-json',
          // Astro's content plugin loads the module (also `pre`, and first): its code is replaced
          // here, before any other transform and before Rollup parses it.
          enforce: 'pre',
          transform(_code, id) {
            if (id !== DATA_STORE_MODULE_ID) return null;
            const live = liveContentStore();
            if (live) {
              live.bundled = true;
              return { code: LIVE_STORE_MODULE_CODE, map: { mappings: '' } };
            }
            // No store file: Astro answered with an empty Map, which is right as it is.
            if (!fs.existsSync(storeFile)) return null;
            return { code: dataStoreModuleCode(fs.readFileSync(storeFile, 'utf8')), map: { mappings: '' } };
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
