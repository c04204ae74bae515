import { z } from 'zod';
import type { RunBuildReport } from './run-build.ts';

const timerEntrySchema = z.object({ elapsedTime: z.number().nonnegative() });

/**
 * The stats Astro 5's `AstroTimer` writes to `ASTRO_TIMER_PATH` after `build()`: one entry per
 * scope it times. Unknown scopes are ignored, a missing one is simply absent.
 */
const astroTimerSchema = z.record(z.string(), z.unknown());

/** What the worker's integration saw, in ms from the `build()` call (see astro-build-worker.mjs). */
const astroHooksSchema = z.object({
  buildStartMs: z.number().nonnegative(),
  generatedMs: z.number().nonnegative(),
  doneMs: z.number().nonnegative(),
});

const elapsed = (stats: Record<string, unknown>, scope: string): number | undefined => {
  const entry = timerEntrySchema.safeParse(stats[scope]);
  return entry.success ? Math.round(entry.data.elapsedTime) : undefined;
};

/**
 * Turns Astro's timer stats into the build step's phases: content sync, bundling (Vite's server
 * and client builds), rendering; with the worker's hook marks, also setup and integrations. Anything unreadable yields no phases rather than a failed build.
 */
export function readAstroTimings(stats: unknown, hooks?: unknown): RunBuildReport {
  const parsed = astroTimerSchema.safeParse(stats);
  if (!parsed.success) return {};
  const report: RunBuildReport = {};
  const marks = astroHooksSchema.safeParse(hooks);
  const contentMs = elapsed(parsed.data, 'Sync content layer');
  const ssrMs = elapsed(parsed.data, 'SSR build');
  const clientMs = elapsed(parsed.data, 'Client build');
  const renderMs = elapsed(parsed.data, 'Static generate');
  if (contentMs !== undefined) report.contentMs = contentMs;
  if (ssrMs !== undefined || clientMs !== undefined) report.bundleMs = (ssrMs ?? 0) + (clientMs ?? 0);
  if (renderMs !== undefined) report.renderMs = renderMs;
  if (marks.success) {
    // Everything before build:start that was not the content sync.
    report.setupMs = Math.max(0, marks.data.buildStartMs - (contentMs ?? 0));
    report.integrationsMs = Math.max(0, marks.data.doneMs - marks.data.generatedMs);
  }
  return report;
}
