import { z } from 'zod';

/**
 * The redirect table a site build writes (`/_redirects.json`) and the publisher answers from
 * once that build is live. Paths are decoded-and-re-encoded site paths with the site's trailing
 * slash; `to` is a path of the same build or an absolute URL on a host editors were allowed.
 */
export const REDIRECT_TABLE_FILE = '_redirects.json';

/** The same table in the Netlify/Cloudflare format (`/old/ /new/ 301`), for a static host. */
export const STATIC_HOST_REDIRECTS_FILE = '_redirects';

/** The page a 410 answers with (`410/index.html`: Astro names only the 404 page `x.html`). */
export const GONE_PAGE = '/410/';

const fromPath = z.string().startsWith('/');
export const redirectRuleSchema = z.discriminatedUnion('status', [
  z.object({ from: fromPath, status: z.literal(301), to: z.string().min(1) }),
  z.object({ from: fromPath, status: z.literal(302), to: z.string().min(1) }),
  z.object({ from: fromPath, status: z.literal(410) }),
]);
export type RedirectRule = z.output<typeof redirectRuleSchema>;

export const redirectTableSchema = z.object({ redirects: z.array(redirectRuleSchema) });
export type RedirectTable = z.output<typeof redirectTableSchema>;

/**
 * A site path in its one stored form: each segment decoded then re-encoded (so `%7E` and `~` are
 * one key), no query or fragment, and the site's trailing slash unless the last segment names a
 * file (`/old.html`). Null when it is not a path of this site (`//host`, `..`, control
 * characters, bad percent-encoding). The site build keys its redirect table with it and the
 * publisher looks requests up with it; the CMS (CommonJS, which cannot load this module) keeps a
 * copy in `cms/src/redirects/redirect-rules.ts`, held to this one by a test.
 */
export function normalizeSitePath(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('/') || /^[/\\]{2}/.test(trimmed)) return null;
  const segments: string[] = [];
  for (const segment of (trimmed.split(/[?#]/)[0] ?? '').slice(1).split('/')) {
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
  const isFile = /\.[a-z0-9]{1,8}$/i.test(segments.at(-1) ?? '');
  return `/${segments.join('/')}${isFile ? '' : '/'}`;
}
