import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REDIRECT_TABLE_FILE, normalizeSitePath, redirectTableSchema, type RedirectRule } from '@clinic/shared-types';

/** A build's redirects by source path, in the form the site build writes them (shared-types `normalizeSitePath`). */
export type RedirectLookup = ReadonlyMap<string, RedirectRule>;

const EMPTY: RedirectLookup = new Map();

/**
 * Reads a build's `_redirects.json` once, when the build is indexed to go live, so the table
 * switches with the build. A build without one (older builds, fixtures) has no redirects; a
 * table that is not the contract's shape is an error naming the file.
 */
export function loadRedirectLookup(dir: string): RedirectLookup {
  const file = join(dir, REDIRECT_TABLE_FILE);
  if (!existsSync(file)) return EMPTY;
  const parsed = redirectTableSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not a redirect table: ${parsed.error.issues[0]?.message ?? ''}`);
  return new Map(parsed.data.redirects.map((rule) => [rule.from, rule]));
}

/** Characters a header value may not carry raw, percent-encoded; the value is never decoded. */
function headerSafe(value: string): string {
  return value.replace(/[^\x21-\x7e]/g, (char) => encodeURIComponent(char));
}

export type RedirectAnswer = { status: 301 | 302; location: string } | { status: 410 } | null;

/**
 * What the redirect table says about a request: a 301/302 to the rule's target (the request's
 * query kept unless the target has its own), a 410, or nothing.
 */
export function lookUpRedirect(lookup: RedirectLookup, target: string): RedirectAnswer {
  if (lookup.size === 0) return null;
  const key = normalizeSitePath(target);
  const rule = key === null ? undefined : lookup.get(key);
  if (!rule) return null;
  if (rule.status === 410) return { status: 410 };
  const queryAt = target.indexOf('?');
  const query = queryAt === -1 || rule.to.includes('?') ? '' : target.slice(queryAt);
  return { status: rule.status, location: headerSafe(`${rule.to}${query}`) };
}
