import { ENTRY_MODELS, entryPath, splitLocalePath, type EntryModel, type SiteLocale } from './site-paths';

/** Editors may keep at most this many redirects: the table ships with every build. */
export const MAX_REDIRECTS = 5000;

export const REDIRECT_UID = 'api::redirect.redirect';

/** The `httpStatus` values and the HTTP status each stands for. */
export const HTTP_STATUS_CODES = {
  'moved-permanently-301': 301,
  'found-302': 302,
  'gone-410': 410,
} as const;
export type RedirectHttpStatus = keyof typeof HTTP_STATUS_CODES;

/** One problem with a redirect, by field, as the admin highlights it. */
export interface FieldProblem {
  path: string[];
  message: string;
}

/**
 * A site path in the one form redirects are stored and matched in: percent-decoding made
 * canonical (each segment decoded, then encoded), no query or fragment, and a trailing slash
 * (the site's `trailingSlash: 'always'`) unless the last segment names a file (`/old.html`).
 * Returns null for anything that is not a path on this site.
 */
export function normalizeSitePath(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('/') || /^[/\\]{2}/.test(trimmed)) return null;
  const pathOnly = trimmed.split(/[?#]/)[0] ?? '';
  const segments: string[] = [];
  for (const segment of pathOnly.slice(1).split('/')) {
    if (segment === '') continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (decoded === '.' || decoded === '..' || /[/\\\p{Cc}]/u.test(decoded)) return null;
    segments.push(encodeURIComponent(decoded.normalize('NFC')));
  }
  if (segments.length === 0) return '/';
  const last = segments.at(-1) ?? '';
  const isFile = /\.[a-z0-9]{1,8}$/i.test(last);
  return `/${segments.join('/')}${isFile ? '' : '/'}`;
}

/**
 * The entry an editor means by what they typed as a redirect's target: the slug of its page's
 * address in either edition (`/programs/iop/`, `/es/programs/iop-es/`, leading and trailing
 * slash optional) with that edition's locale, or a bare slug with no locale (either edition's).
 * Null when it is neither: an address of another kind of page, or an empty value.
 */
export function slugTypedFor(model: EntryModel, typed: string): { slug: string; locale: SiteLocale | null } | null {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  if (!trimmed.includes('/')) return { slug: trimmed, locale: null };
  const path = normalizeSitePath(trimmed.startsWith('/') ? trimmed : `/${trimmed}`);
  if (!path) return null;
  const { locale, path: rootPath } = splitLocalePath(path);
  const prefix = entryPath(model, 'x').slice(0, -'x/'.length);
  const rest = rootPath.startsWith(prefix) ? rootPath.slice(prefix.length) : '';
  return /^[^/]+\/$/.test(rest) ? { slug: decodeURIComponent(rest.slice(0, -1)), locale } : null;
}

/** The allowed external hosts, from `REDIRECT_ALLOWED_HOSTS` (comma or space separated). */
export function parseAllowedHosts(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(/[\s,]+/)
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** The redirect's fields as the admin or the API write them (all optional on an update). */
export interface RedirectInput {
  fromPath?: unknown;
  httpStatus?: unknown;
  targetType?: unknown;
  targetDocumentId?: unknown;
  targetPath?: unknown;
}

export interface RedirectContext {
  /** Whether a path is a page the site publishes now. */
  isLivePage(path: string): boolean;
  /** Hosts an external target may name. */
  allowedHosts: ReadonlySet<string>;
}

function isEntryModel(value: unknown): value is EntryModel {
  return typeof value === 'string' && (ENTRY_MODELS as string[]).includes(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Checks a whole redirect (the saved fields merged with the change): the source is a path on
 * this site and not a live page; a 301/302 has a target, an entry or an internal path, and an
 * absolute URL only on an allowed host (never an open redirect). A 410 needs no target.
 */
export function findRedirectProblems(redirect: RedirectInput, context: RedirectContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const fromPath = text(redirect.fromPath);
  const normalized = normalizeSitePath(fromPath);
  if (!normalized) {
    problems.push({
      path: ['fromPath'],
      message: `From path "${fromPath}" must be a path on this site starting with /, e.g. /old-page/`,
    });
  } else if (context.isLivePage(normalized)) {
    problems.push({ path: ['fromPath'], message: `From path ${normalized} is a live page: a redirect would hide it` });
  }
  if (redirect.httpStatus === 'gone-410') return problems;

  const targetType = redirect.targetType ?? 'path';
  if (isEntryModel(targetType)) {
    if (!text(redirect.targetDocumentId)) {
      problems.push({
        path: ['targetDocumentId'],
        message: `Target document id is required when the target is a ${targetType}`,
      });
    }
    return problems;
  }
  const targetPath = text(redirect.targetPath);
  if (!targetPath) {
    problems.push({ path: ['targetPath'], message: 'Target path is required for a 301 or 302 redirect to an address' });
  } else if (/^https?:\/\//i.test(targetPath)) {
    let host = '';
    try {
      host = new URL(targetPath).hostname.toLowerCase();
    } catch {
      host = '';
    }
    if (!host || !context.allowedHosts.has(host)) {
      problems.push({
        path: ['targetPath'],
        message: `Target path ${targetPath} leaves the site: only hosts in REDIRECT_ALLOWED_HOSTS may be targets${host ? ` (${host} is not)` : ''}`,
      });
    }
  } else {
    const target = normalizeSitePath(targetPath);
    if (!target) {
      problems.push({
        path: ['targetPath'],
        message: `Target path "${targetPath}" must start with / (a page of this site)`,
      });
    } else if (normalized && target === normalized) {
      problems.push({
        path: ['targetPath'],
        message: `Target path ${target} is the redirect's own source: it would loop`,
      });
    }
  }
  return problems;
}
