import { createHash } from 'node:crypto';
import type { CallRequestInput } from './parse-call-request';

/** An idempotency key the enhanced form sends: a UUID made once per page load. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9-]{16,64}$/;

/** The same person asking again: phone, name and message, whatever the spacing or case of the name. */
export function fingerprintRequest({ phone, name, message }: CallRequestInput): string {
  const canonical = [phone, name.toLocaleLowerCase('en-US').replace(/\s+/g, ' '), (message ?? '').replace(/\s+/g, ' ')];
  return createHash('sha256').update(canonical.join('\0')).digest('hex');
}

/**
 * Remembers what each submission led to, for `windowMs`, under every key it was sent
 * with (an idempotency key, a fingerprint): a retry, or the same request posted twice,
 * gets the first one's outcome instead of storing a second request. A retry that arrives
 * while the first is still being stored waits for it. Only successes are remembered: a
 * failed store can be retried. In memory, like the rate limit (one CMS process).
 */
export function createSubmissionDeduper<T>({
  windowMs,
  maxEntries = 10_000,
  now = Date.now,
}: {
  windowMs: number;
  maxEntries?: number;
  now?: () => number;
}) {
  const entries = new Map<string, { at: number; outcome: Promise<T> }>();

  // Entries are in time order: drop from the front while they are stale or there is no room.
  const prune = (at: number, incoming: number) => {
    for (const [key, entry] of entries) {
      if (at - entry.at < windowMs && entries.size + incoming <= maxEntries) break;
      entries.delete(key);
    }
  };

  return {
    /** The outcome already recorded under any of `keys`, if one is. */
    find(keys: string[]): Promise<T> | undefined {
      const at = now();
      for (const key of keys) {
        const entry = entries.get(key);
        if (entry && at - entry.at < windowMs) return entry.outcome;
      }
      return undefined;
    },
    /**
     * Runs `task` once and records its outcome under every key; an outcome that `keep`
     * refuses, or a rejected task, is forgotten once known.
     */
    record(keys: string[], task: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
      const at = now();
      const outcome = task();
      prune(at, keys.length);
      for (const key of keys) entries.set(key, { at, outcome });
      const forget = () => {
        for (const key of keys) if (entries.get(key)?.outcome === outcome) entries.delete(key);
      };
      outcome.then((value) => {
        if (!keep(value)) forget();
      }, forget);
      return outcome;
    },
  };
}
