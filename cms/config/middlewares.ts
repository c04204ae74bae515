type Env = (key: string, fallback?: string) => string;

/** Origins allowed to call the CMS from a browser: the site (for the call-back form) plus any extra. */
function corsOrigins(env: Env): string[] {
  const site = new URL(env('SITE_URL', 'http://localhost:4321')).origin;
  const cms = new URL(env('CMS_PUBLIC_URL', `http://localhost:${env('CMS_PORT', '1337')}`)).origin;
  const extra = env('CORS_ORIGINS', '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return [site, cms, ...extra];
}

export default ({ env }: { env: Env }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  { name: 'strapi::cors', config: { origin: corsOrigins(env), credentials: false } },
  'strapi::poweredBy',
  'strapi::query',
  // Before the body parser: no-store and a size limit on the call-back form endpoint.
  'global::call-request-guard',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
