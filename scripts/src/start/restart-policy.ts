import os from 'node:os';

export interface BackoffOptions {
  /** Delay before the first restart. @default 1000 */
  baseMs?: number;
  /** The delay doubles per failure up to this. @default 30000 */
  maxMs?: number;
  /** A child that ran at least this long before dying counts as healthy: its backoff starts over. @default 60000 */
  stableMs?: number;
}

/** The backoff schedule the launcher uses unless told otherwise. */
export const DEFAULT_BACKOFF: Required<BackoffOptions> = { baseMs: 1000, maxMs: 30_000, stableMs: 60_000 };

/**
 * How many failures in a row a child has after dying `uptimeMs` after it started: one more
 * than before, or a fresh 1 when it had stayed up long enough to count as healthy.
 */
export function countFailures(previous: number, uptimeMs: number, options: BackoffOptions = {}): number {
  const { stableMs } = { ...DEFAULT_BACKOFF, ...options };
  return uptimeMs >= stableMs ? 1 : previous + 1;
}

/** The wait before restarting a child that has failed `failures` times in a row: 1 s, 2 s, 4 s ... capped. */
export function restartDelayMs(failures: number, options: BackoffOptions = {}): number {
  const { baseMs, maxMs } = { ...DEFAULT_BACKOFF, ...options };
  // The exponent is capped first so a long outage never overflows to Infinity.
  return Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
}

/**
 * Why a child stopped, in words: "killed by SIGKILL", "exited with code 1". A code above 128
 * is how a shell or a wrapper such as tsx reports a child killed by a signal; it is named too.
 */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `killed by ${signal}`;
  if (code === null) return 'stopped';
  const relayed = code > 128 ? signalName(code - 128) : undefined;
  return relayed ? `exited with code ${code} (killed by ${relayed})` : `exited with code ${code}`;
}

function signalName(number: number): NodeJS.Signals | undefined {
  const entry = Object.entries(os.constants.signals).find(([, value]) => value === number);
  return entry?.[0] as NodeJS.Signals | undefined;
}
