import type { InitOptions as S3ProviderOptions } from '@strapi/provider-upload-aws-s3';

/**
 * Where editors' uploads go and what they may be, from the environment:
 *
 * - `UPLOAD_PROVIDER` unset or `local`: files under `DATA_DIR/public/uploads`, served by
 *   the CMS (one machine).
 * - `UPLOAD_PROVIDER=aws-s3`: Strapi's official S3 provider, for AWS S3 or any
 *   S3-compatible store (`S3_ENDPOINT`: MinIO, Cloudflare R2, DigitalOcean Spaces...), so
 *   every CMS replica sees the same files.
 */

/** 10 MiB: a large photo or a PDF brochure; far beyond what a web page should embed. */
export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** What editors upload: photos and illustrations for pages and social cards, and PDFs. */
export const ALLOWED_UPLOAD_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'application/pdf',
] as const;

/**
 * Refused even if the allow-list is widened later (say to `image/*`): each of these runs
 * script when opened from the CMS's origin (HTML, SVG, XML with stylesheets) or is a program.
 */
export const DENIED_UPLOAD_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'application/xml',
  'text/xml',
  'text/javascript',
  'application/javascript',
  'application/x-msdownload',
  'application/x-dosexec',
  'application/x-executable',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-sh',
  'application/x-httpd-php',
  'application/java-archive',
  'application/vnd.microsoft.portable-executable',
] as const;

export type UploadProviderName = 'local' | 'aws-s3';

/** The `upload` plugin's config (`config/plugins.ts`), as Strapi 5's upload plugin reads it. */
export interface UploadPluginConfig {
  provider: UploadProviderName;
  providerOptions: S3ProviderOptions | Record<string, never>;
  /** Bytes; Strapi refuses a bigger file with 413. */
  sizeLimit: number;
  security: { allowedTypes: string[]; deniedTypes: string[] };
}

/** A missing or contradictory upload setting; the message names the variables. */
export class UploadConfigError extends Error {
  override name = 'UploadConfigError';
}

function positiveInt(key: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new UploadConfigError(`${key} must be a whole number of bytes, got "${raw}"`);
  return n;
}

function httpUrl(key: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UploadConfigError(`${key} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UploadConfigError(`${key} must be an http(s) URL, got "${raw}"`);
  return url;
}

function s3ProviderOptions(env: NodeJS.ProcessEnv): S3ProviderOptions {
  const { S3_BUCKET: bucket, S3_REGION: region } = env;
  if (!bucket || !region) {
    const missing = [bucket ? '' : 'S3_BUCKET', region ? '' : 'S3_REGION'].filter(Boolean);
    throw new UploadConfigError(`UPLOAD_PROVIDER=aws-s3 needs ${missing.join(' and ')} (see .env.example)`);
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    throw new UploadConfigError('Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (to use an IAM role)');
  const endpoint = env.S3_ENDPOINT ? httpUrl('S3_ENDPOINT', env.S3_ENDPOINT).toString() : undefined;
  const baseUrl = env.S3_PUBLIC_URL ? httpUrl('S3_PUBLIC_URL', env.S3_PUBLIC_URL).toString() : undefined;
  return {
    // Files are linked from the CDN or public bucket URL when given, else from the store itself.
    ...(baseUrl ? { baseUrl } : {}),
    s3Options: {
      region,
      // S3-compatible stores (MinIO above all) address buckets by path, not by subdomain.
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      // Without keys, the AWS SDK's own chain applies: an IAM role, AWS_* variables...
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      params: {
        Bucket: bucket,
        // No per-object ACL: new AWS buckets (and R2) refuse ACL headers, and the provider
        // would send `public-read` if the key were absent. Make the bucket, or the CDN in
        // front of it, publicly readable instead.
        ACL: undefined,
      },
    },
  };
}

/** The upload plugin's config from the environment. Throws `UploadConfigError` on a bad setting. */
export function readUploadConfig(env: NodeJS.ProcessEnv): UploadPluginConfig {
  const provider = env.UPLOAD_PROVIDER || 'local';
  if (provider !== 'local' && provider !== 'aws-s3')
    throw new UploadConfigError(`UPLOAD_PROVIDER must be "local" or "aws-s3", got "${provider}"`);
  return {
    provider,
    providerOptions: provider === 'aws-s3' ? s3ProviderOptions(env) : {},
    sizeLimit: positiveInt('UPLOAD_MAX_BYTES', env.UPLOAD_MAX_BYTES, DEFAULT_UPLOAD_MAX_BYTES),
    security: { allowedTypes: [...ALLOWED_UPLOAD_TYPES], deniedTypes: [...DENIED_UPLOAD_TYPES] },
  };
}

/**
 * Origins the admin panel must be allowed to load uploaded images and media from (its
 * CSP `img-src`/`media-src`): none beyond its own for local uploads; the public URL, the
 * endpoint or the AWS bucket host for S3.
 */
export function uploadMediaOrigins(env: NodeJS.ProcessEnv): string[] {
  if ((env.UPLOAD_PROVIDER || 'local') !== 'aws-s3') return [];
  if (env.S3_PUBLIC_URL) return [httpUrl('S3_PUBLIC_URL', env.S3_PUBLIC_URL).origin];
  if (env.S3_ENDPOINT) return [httpUrl('S3_ENDPOINT', env.S3_ENDPOINT).origin];
  if (env.S3_BUCKET && env.S3_REGION)
    return [`https://${env.S3_BUCKET}.s3.${env.S3_REGION}.amazonaws.com`, `https://${env.S3_BUCKET}.s3.amazonaws.com`];
  return [];
}
