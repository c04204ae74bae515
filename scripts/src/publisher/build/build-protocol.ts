/** Messages between `warm-astro-build.ts` and its forked `astro-build-worker.mjs`. */
export interface BuildRequest {
  type: 'build';
  /** The Astro project. */
  root: string;
  /** Where the built site goes (the worker's cwd is never above it). */
  outDir: string;
  /** Astro's `cacheDir` (content-layer store, optimised images) and Vite's cache below it: the worker's own. */
  cacheDir: string;
  /**
   * Render content-only changes with the page bundle of the worker's last full build
   * (reusable-astro-build.mjs) instead of running all of Astro's `build()` again.
   */
  reuseBundle: boolean;
  /**
   * The documents changed since the worker's last build, by Strapi model singular name
   * (`{ faq: ['abc123'] }`): a re-render hands them to the site's loaders, which then fetch only
   * those (reusable-astro-build.mjs, CONTENT_CHANGES_KEY). Null or absent: everything. A full
   * build always fetches everything.
   */
  changes?: Record<string, string[]> | null;
}

export type BuildResult =
  | {
      type: 'result';
      ok: true;
      rssBytes: number;
      /** The JSON Astro's timer wrote (`ASTRO_TIMER_PATH`), unparsed; see `read-astro-timings.ts`. */
      astroTimer?: unknown;
      /** When the worker's own integration saw Astro's build hooks, in ms from the `build()` call, unparsed. */
      astroHooks?: unknown;
      /** The pages were rendered with the last full build's page bundle (no Vite builds). */
      reused?: boolean;
    }
  | { type: 'result'; ok: false; message: string; rssBytes: number };
