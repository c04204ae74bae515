/** Messages between `warm-astro-build.ts` and its forked `astro-build-worker.mjs`. */
export interface BuildRequest {
  type: 'build';
  outDir: string;
}

export type BuildResult =
  { type: 'result'; ok: true; rssBytes: number } | { type: 'result'; ok: false; message: string; rssBytes: number };
