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
