import type { BuildStages } from '@clinic/shared-types';
import type { RunBuildReport } from './build/run-build.ts';

/** Instants (ms since the epoch) the publisher takes around one build. */
export interface BuildMarks {
  /** The first event merged into the build was received. */
  firstEventAt: number;
  startedAt: number;
  /** The build step resolved. */
  builtAt: number;
  checkedAt: number;
  /** The search index was written (after the check, before precompression), if one is built. */
  indexedAt?: number | undefined;
  precompressedAt: number;
  /** The new build is served. */
  liveAt: number;
}

/**
 * Where one build's time went: the publisher's own marks, with the build step's time split
 * into the phases it reported (the rest of the step is `otherMs`).
 */
export function composeStages(marks: BuildMarks, report: RunBuildReport | void): BuildStages {
  const buildMs = marks.builtAt - marks.startedAt;
  const contentMs = report?.contentMs ?? null;
  const bundleMs = report?.bundleMs ?? null;
  const renderMs = report?.renderMs ?? null;
  const setupMs = report?.setupMs ?? null;
  const integrationsMs = report?.integrationsMs ?? null;
  const reported = [contentMs, bundleMs, renderMs, setupMs, integrationsMs].filter((ms): ms is number => ms !== null);
  return {
    // A restart's catch-up event may be older than the build's own clock; never negative.
    waitingMs: Math.max(0, marks.startedAt - marks.firstEventAt),
    buildMs,
    contentMs,
    bundleMs,
    renderMs,
    setupMs,
    integrationsMs,
    otherMs: reported.length > 0 ? Math.max(0, buildMs - reported.reduce((sum, ms) => sum + ms, 0)) : null,
    checkMs: marks.checkedAt - marks.builtAt,
    searchIndexMs: marks.indexedAt === undefined ? null : marks.indexedAt - marks.checkedAt,
    precompressMs: marks.precompressedAt - (marks.indexedAt ?? marks.checkedAt),
    switchMs: marks.liveAt - marks.precompressedAt,
  };
}

/** "waiting 0 ms, content 40 ms, bundle 610 ms, ..." for the publisher's log line. */
export function describeStages(stages: BuildStages): string {
  const parts: Array<[string, number | null]> = [
    ['waiting', stages.waitingMs],
    ['setup', stages.setupMs ?? null],
    ['content', stages.contentMs],
    ['bundle', stages.bundleMs],
    ['render', stages.renderMs],
    ['integrations', stages.integrationsMs ?? null],
    ['other', stages.otherMs],
    ...(stages.contentMs === null && stages.bundleMs === null && stages.renderMs === null
      ? ([['build', stages.buildMs]] as Array<[string, number]>)
      : []),
    ['check', stages.checkMs],
    ['search index', stages.searchIndexMs ?? null],
    ['precompress', stages.precompressMs],
    ['switch', stages.switchMs],
  ];
  return parts
    .filter((part): part is [string, number] => part[1] !== null)
    .map(([name, ms]) => `${name} ${ms} ms`)
    .join(', ');
}
