/**
 * The security headers every response of the public site carries: the publisher's site
 * listener sends these, and `deploy/nginx/default.conf` sends the same (a test holds the two
 * in sync). Change them here and there together.
 */

/** One response header, as `[name, value]`. */
export type SecurityHeader = readonly [name: string, value: string];

/**
 * Only our own files, and no inline code: the site ships no inline script or style (JSON-LD
 * blocks are data, which CSP does not govern). Nothing may frame the site: the CMS has no
 * preview pane that would need to, so `frame-ancestors` is 'none'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Where WebAssembly runs: the search page (Pagefind's search, when its worker cannot start) and
 * Pagefind's own files (`/pagefind/pagefind-worker.js`: a worker runs under the policy its script
 * is served with). nginx's `$clinic_csp` map uses the same pattern.
 */
export const WASM_PATH_PATTERN = /^\/(?:es\/)?search\/|^\/pagefind\//;

/**
 * The policy there: the site's policy plus `'wasm-unsafe-eval'`, which lets a script the page
 * may already run (same-origin files only) compile WebAssembly, and nothing else: no `eval`,
 * no inline code. Every other page keeps the stricter policy.
 */
export const WASM_CONTENT_SECURITY_POLICY = withWasm(CONTENT_SECURITY_POLICY);

/** `policy` with `'wasm-unsafe-eval'` added to its `script-src`. */
export function withWasm(policy: string): string {
  return policy.replace(/script-src ([^;]*)/, "script-src $1 'wasm-unsafe-eval'");
}

/** The Content-Security-Policy for a request path (no query), given the site's `policy`. */
export function contentSecurityPolicyFor(pathname: string, policy = CONTENT_SECURITY_POLICY): string {
  return WASM_PATH_PATTERN.test(pathname) ? withWasm(policy) : policy;
}

/**
 * Powerful features the site never uses, off for it and anything it embeds. Only features
 * browsers recognise: an unknown one (such as the retired `interest-cohort`) makes Chrome log
 * an error on every page. `browsing-topics` is the successor of `interest-cohort`.
 */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()';

/**
 * One year, this host only. `includeSubDomains` and `preload` are left to the operator: they
 * bind every subdomain of the clinic's domain to HTTPS, which only the operator can vouch for.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/** The headers sent on every response, HSTS aside. */
export const SECURITY_HEADERS: readonly SecurityHeader[] = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  // Visitors' paths (for example a condition's page) never reach another site in a Referer.
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', PERMISSIONS_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/**
 * The headers for a site served at `siteUrl` (SITE_URL). HSTS only when it is https: browsers
 * ignore it over plain HTTP, and a laptop on http://localhost must not be pinned to HTTPS.
 */
export function securityHeadersFor(siteUrl: string | undefined): SecurityHeader[] {
  const https = siteUrl !== undefined && URL.canParse(siteUrl) && new URL(siteUrl).protocol === 'https:';
  return https
    ? [...SECURITY_HEADERS, ['Strict-Transport-Security', STRICT_TRANSPORT_SECURITY]]
    : [...SECURITY_HEADERS];
}
