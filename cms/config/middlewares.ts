import { CSP_DEFAULTS } from '@strapi/utils';
import { DEFAULT_UPLOAD_MAX_BYTES, readUploadConfig, uploadMediaOrigins } from '../src/upload/upload-config';

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

function uploadSizeLimit(): number {
  try {
    return readUploadConfig(process.env).sizeLimit;
  } catch {
    // config/plugins.ts reports the bad setting; this default only has to be sane meanwhile.
    return DEFAULT_UPLOAD_MAX_BYTES;
  }
}

export default ({ env }: { env: Env }) => [
  'strapi::logger',
  'strapi::errors',
  // Inside the error formatter: a malformed filter on a content API read becomes a 400.
  'global::content-api-query-errors',
  // An unchanged upload answers the site build's revalidation with 304, so images are not re-encoded.
  'global::upload-revalidation',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // The admin shows uploads from object storage when UPLOAD_PROVIDER=aws-s3.
          'img-src': [...CSP_DEFAULTS['img-src'], ...uploadMediaOrigins(process.env)],
          'media-src': [...CSP_DEFAULTS['media-src'], ...uploadMediaOrigins(process.env)],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  { name: 'strapi::cors', config: { origin: corsOrigins(env), credentials: false } },
  // No 'strapi::poweredBy': naming the server and its maker tells a visitor nothing useful.
  'strapi::query',
  // After the query parser: `status=draft` on /api/* only with the preview token (403 otherwise).
  'global::draft-read-guard',
  // Before the body parser: no-store and a size limit on the call-back form endpoint.
  'global::call-request-guard',
  // The parser itself stops an oversized upload (413) before it is written to a temp file in full.
  { name: 'strapi::body', config: { formidable: { maxFileSize: uploadSizeLimit() } } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
