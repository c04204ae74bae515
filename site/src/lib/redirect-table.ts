import { GONE_PAGE, normalizeSitePath, type Redirect, type RedirectRule } from '@clinic/shared-types';
import { defaultLang, langOfPath, type Lang } from '../i18n/lang.ts';
import { routesFor, type Routes } from './routes.ts';

/** Redirect chains longer than this are cut: the table answers each source in one hop. */
const MAX_HOPS = 10;

const STATUS_CODES = { 'moved-permanently-301': 301, 'found-302': 302, 'gone-410': 410 } as const;

/** The published entries of one language a redirect may target, by `targetType`: documentId to that version's slug. */
export interface RedirectTargets {
  'program-level': ReadonlyMap<string, string>;
  'treatment-modality': ReadonlyMap<string, string>;
  condition: ReadonlyMap<string, string>;
}

/** Each language's published entries: an entry's Spanish version has its own slug and page. */
export type LocalizedRedirectTargets = Readonly<Record<Lang, RedirectTargets>>;

type EntryType = keyof RedirectTargets;

const ENTRY_ROUTES = {
  'program-level': 'program',
  'treatment-modality': 'treatment',
  condition: 'condition',
} as const satisfies Record<EntryType, keyof Routes>;

/**
 * The page a redirect from `from` to an entry goes to: the page of the entry's version in the
 * source's language (a source under `/es/` is Spanish), else its English page while that
 * language's version is not published; null when neither is.
 */
function entryPageFor(targets: LocalizedRedirectTargets, from: string, type: EntryType, documentId: string) {
  const lang = langOfPath(from);
  for (const candidate of new Set([lang, defaultLang])) {
    const slug = targets[candidate][type].get(documentId);
    if (slug !== undefined) return routesFor(candidate)[ENTRY_ROUTES[type]](slug);
  }
  return null;
}

export interface RedirectTableResult {
  rules: RedirectRule[];
  /** Redirects left out, each with why: shown in the build log. */
  skipped: string[];
}

/**
 * Resolves the editors' and the CMS's redirects into the table the build ships: an entry
 * target becomes the entry's current page in the source's language (see `entryPageFor`;
 * redirects themselves have no language), a path target is followed through other redirects
 * to its end (so every source answers in one hop), and a source that is a page of this build
 * is left out (the page wins; a redirect must never hide it), as is a loop or a target entry
 * that is not published.
 */
export function buildRedirectTable(
  redirects: readonly Redirect[],
  targets: LocalizedRedirectTargets,
  isPage: (path: string) => boolean,
): RedirectTableResult {
  const skipped: string[] = [];
  const direct = new Map<string, { status: 301 | 302; to: string } | { status: 410 }>();
  for (const redirect of [...redirects].sort((a, b) => a.fromPath.localeCompare(b.fromPath))) {
    const from = normalizeSitePath(redirect.fromPath);
    if (!from) {
      skipped.push(`${redirect.fromPath}: not a path of this site`);
      continue;
    }
    if (isPage(from)) {
      skipped.push(`${from}: a live page`);
      continue;
    }
    const status = STATUS_CODES[redirect.httpStatus];
    if (status === 410) {
      direct.set(from, { status });
      continue;
    }
    const type = redirect.targetType ?? 'path';
    let to: string | null;
    if (type === 'path') {
      const target = redirect.targetPath?.trim() ?? '';
      to = /^https?:\/\//i.test(target) ? target : normalizeSitePath(target);
    } else {
      to = entryPageFor(targets, from, type, redirect.targetDocumentId ?? '');
    }
    if (!to) {
      skipped.push(
        `${from}: its target (${redirect.targetPath ?? `${type} ${redirect.targetDocumentId ?? ''}`}) is not published`,
      );
      continue;
    }
    direct.set(from, { status, to });
  }

  const rules: RedirectRule[] = [];
  for (const [from, rule] of direct) {
    if (rule.status === 410) {
      rules.push({ from, status: 410 });
      continue;
    }
    let to = rule.to;
    const seen = new Set([from]);
    let ending: 'page' | 'gone' | 'loop' = 'page';
    for (let next = direct.get(to); next; next = direct.get(to)) {
      if (seen.has(to) || seen.size > MAX_HOPS) {
        ending = 'loop';
        break;
      }
      seen.add(to);
      if (next.status === 410) {
        ending = 'gone';
        break;
      }
      to = next.to;
    }
    if (ending === 'loop') skipped.push(`${from}: its redirects loop`);
    else if (ending === 'gone') rules.push({ from, status: 410 });
    else rules.push({ from, status: rule.status, to });
  }
  return { rules, skipped };
}

/** The table in the common static-host format: one `from to status` line per rule. */
export function formatStaticHostRedirects(rules: readonly RedirectRule[]): string {
  return (
    rules
      .map((rule) => (rule.status === 410 ? `${rule.from} ${GONE_PAGE} 410` : `${rule.from} ${rule.to} ${rule.status}`))
      .join('\n') + (rules.length ? '\n' : '')
  );
}
