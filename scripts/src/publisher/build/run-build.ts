/** What a build step gets from the publisher. */
export interface RunBuildContext {
  /** The build's id, also its folder name. */
  id: string;
  /** Empty folder to write the site into. */
  outDir: string;
  /** Aborted when the publisher shuts down; the build should stop promptly. */
  signal: AbortSignal;
  /** One line of build output; the publisher logs it and keeps the last lines for `/status`. */
  log: (line: string) => void;
  /**
   * The documents changed since the last build, by Strapi model singular name
   * (`{ faq: ['abc123'] }`), so a build that keeps its last content can fetch only those; null or
   * absent when everything must be fetched (a preview, a forced rebuild, a media or bulk change).
   */
  changes?: Record<string, string[]> | null;
}

/**
 * Produces a static site in `context.outDir`, rejecting on failure. The publisher checks the
 * output, precompresses it and switches it live; tests inject a fake that writes a tiny site.
 * It may resolve with its phase timings, which `/status` shows.
 */
export type RunBuild = (context: RunBuildContext) => Promise<void | RunBuildReport>;

/** What a build step may say about its own time, in ms; a phase it cannot see stays absent. */
export interface RunBuildReport {
  /** Fetching and validating the content (Astro's content layer sync). */
  contentMs?: number;
  /** Bundling the code (Vite). */
  bundleMs?: number;
  /** Rendering the pages. */
  renderMs?: number;
  /** Before the content sync and between it and bundling: config, Vite server, routes, types. */
  setupMs?: number;
  /** After the pages: the integrations' `astro:build:done` (sitemap, ...). */
  integrationsMs?: number;
  /** The pages were rendered with the page bundle of an earlier build (no bundling). */
  reusedBundle?: boolean;
}
