import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { PublisherConfigError } from './errors.ts';
import type { PublisherOptions } from './start-publisher.ts';
import { adminOriginsOf } from './preview/preview-headers.ts';

// An empty variable (`SITE_PORT=`) means "unset", not 0 or "".
const unsetIfEmpty = (value: unknown): unknown => (value === '' ? undefined : value);
const port = (fallback: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65535).default(fallback));
const milliseconds = (fallback: number) => z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).default(fallback));
const optionalText = z.preprocess(unsetIfEmpty, z.string().optional());
const optionalUrl = z.preprocess(unsetIfEmpty, z.string().url().optional());

export const publisherEnvSchema = z.object({
  DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default('.data')),
  SITE_PORT: port(4321),
  SITE_HOST: optionalText,
  PUBLISHER_PORT: port(4322),
  PUBLISHER_HOST: z.preprocess(unsetIfEmpty, z.string().default('127.0.0.1')),
  REBUILD_SECRET: z.preprocess(
    unsetIfEmpty,
    z.string({ required_error: 'is required: the bearer token the CMS webhook sends (see DATA_DIR/secrets.env)' }),
  ),
  BUILD_QUIET_MS: milliseconds(1000),
  BUILD_MAX_WAIT_MS: milliseconds(10_000),
  BUILD_TIMEOUT_MS: milliseconds(300_000),
  SITE_WORKSPACE_DIR: optionalText,
  CMS_URL: optionalUrl,
  CMS_TOKEN: optionalText,
  SITE_URL: optionalUrl,
  // The draft preview listener: on when both its secrets are there (the CMS generates them).
  PREVIEW_PORT: port(4323),
  PREVIEW_HOST: z.preprocess(unsetIfEmpty, z.string().default('127.0.0.1')),
  PREVIEW_SECRET: optionalText,
  CMS_PREVIEW_TOKEN: optionalText,
  /** The preview's public origin; an https one makes the session cookie `SameSite=None; Secure`. */
  PREVIEW_URL: optionalUrl,
  /** The admin's origin, the only one that may frame previews. */
  CMS_PUBLIC_URL: optionalUrl,
  CMS_PORT: optionalText,
});

export type PublisherEnv = z.output<typeof publisherEnvSchema>;

/** Variables whose values never appear in an error message. */
const SECRET_VARIABLES = new Set(['REBUILD_SECRET', 'CMS_TOKEN', 'PREVIEW_SECRET', 'CMS_PREVIEW_TOKEN']);

/** Reads `DATA_DIR/secrets.env` (dotenv) when it exists; the environment overrides it. */
function readSecretsFile(dataDir: string): NodeJS.Dict<string> {
  try {
    return parseEnv(readFileSync(join(dataDir, 'secrets.env'), 'utf8'));
  } catch {
    return {};
  }
}

export interface ParsedPublisherEnv {
  env: PublisherEnv;
  options: PublisherOptions;
}

/**
 * Turns the environment into publisher options. A relative `DATA_DIR` and the default site
 * workspace are taken from `rootDir` (the repository root).
 * @throws PublisherConfigError naming every invalid variable
 */
export function parsePublisherEnv(source: NodeJS.ProcessEnv, rootDir: string): ParsedPublisherEnv {
  const dataDirValue = source.DATA_DIR || '.data';
  const dataDir = isAbsolute(dataDirValue) ? dataDirValue : resolve(rootDir, dataDirValue);
  // An empty variable is unset: it must not hide the generated secret in the file.
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const merged: NodeJS.Dict<string> = { ...readSecretsFile(dataDir), ...given, DATA_DIR: dataDir };

  const parsed = publisherEnvSchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const value = merged[name];
      const shown = value === undefined || SECRET_VARIABLES.has(name) ? '' : ` (got ${JSON.stringify(value)})`;
      return `${name} ${issue.message}${shown}`;
    });
    throw new PublisherConfigError(`Invalid publisher environment:\n  ${problems.join('\n  ')}`);
  }

  const env = parsed.data;
  // Live builds never hold the preview's keys: only the preview worker may read drafts.
  const {
    REBUILD_SECRET: _secret,
    PREVIEW_SECRET: _previewSecret,
    CMS_PREVIEW_TOKEN: _previewToken,
    ...inherited
  } = source;
  const buildEnv: NodeJS.ProcessEnv = {
    ASTRO_TELEMETRY_DISABLED: '1',
    ...inherited,
    DATA_DIR: dataDir,
    ...(env.CMS_URL ? { CMS_URL: env.CMS_URL } : {}),
    ...(env.CMS_TOKEN ? { CMS_TOKEN: env.CMS_TOKEN } : {}),
    ...(env.SITE_URL ? { SITE_URL: env.SITE_URL } : {}),
  };
  return {
    env,
    options: {
      dataDir,
      rebuildSecret: env.REBUILD_SECRET,
      sitePort: env.SITE_PORT,
      ...(env.SITE_HOST ? { siteHost: env.SITE_HOST } : {}),
      hooksPort: env.PUBLISHER_PORT,
      hooksHost: env.PUBLISHER_HOST,
      quietMs: env.BUILD_QUIET_MS,
      maxWaitMs: env.BUILD_MAX_WAIT_MS,
      buildTimeoutMs: env.BUILD_TIMEOUT_MS,
      siteDir: env.SITE_WORKSPACE_DIR ? resolve(rootDir, env.SITE_WORKSPACE_DIR) : join(rootDir, 'site'),
      buildEnv,
      ...(env.CMS_URL ? { formTarget: new URL('/api/call-requests', env.CMS_URL) } : {}),
      ...(env.SITE_URL ? { canonicalUrl: env.SITE_URL } : {}),
      ...(env.PREVIEW_SECRET && env.CMS_PREVIEW_TOKEN
        ? {
            preview: {
              secret: env.PREVIEW_SECRET,
              port: env.PREVIEW_PORT,
              host: env.PREVIEW_HOST,
              adminOrigins: adminOriginsOf(env),
              secureCookie: env.PREVIEW_URL?.startsWith('https:') === true,
              buildEnv: { ...buildEnv, CMS_TOKEN: env.CMS_PREVIEW_TOKEN },
            },
          }
        : {}),
    },
  };
}
