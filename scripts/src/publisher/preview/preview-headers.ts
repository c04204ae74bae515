import { SECURITY_HEADERS, type SecurityHeader } from '../serve/security-headers.ts';

/**
 * The headers of every preview response: the site's security headers, with the CSP's
 * `frame-ancestors` allowing only the admin's origins (the admin shows previews in a frame),
 * kept out of search engines and out of every cache. Pages and files of a preview build are
 * served by the live site's handler, which adds `'wasm-unsafe-eval'` to this CSP on the search
 * paths alone (`contentSecurityPolicyFor`), as on the live site.
 */
export function previewHeaders(adminOrigins: readonly string[]): SecurityHeader[] {
  const ancestors = `frame-ancestors ${adminOrigins.length > 0 ? adminOrigins.join(' ') : "'none'"}`;
  return [
    ...SECURITY_HEADERS.map(([name, value]): SecurityHeader =>
      name === 'Content-Security-Policy' ? [name, value.replace(/frame-ancestors [^;]*/, ancestors)] : [name, value],
    ),
    ['X-Robots-Tag', 'noindex, nofollow'],
    ['Cache-Control', 'no-store'],
  ];
}

/** The admin's origins: CMS_PUBLIC_URL's, else localhost and 127.0.0.1 on CMS_PORT (1337). */
export function adminOriginsOf(env: { CMS_PUBLIC_URL?: string | undefined; CMS_PORT?: string | undefined }): string[] {
  if (env.CMS_PUBLIC_URL) return [new URL(env.CMS_PUBLIC_URL).origin];
  const port = env.CMS_PORT || '1337';
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
}
