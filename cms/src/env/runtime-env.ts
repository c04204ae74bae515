import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/**
 * The environment every process of the system shares: where data lives, and the
 * secrets generated on first run into `DATA_DIR/secrets.env`.
 *
 * Environment variables always win over the file, so production can inject every
 * secret and the file is only a convenience for a laptop.
 */

/** Keys written to `secrets.env` on first run, with how each one is generated. */
const GENERATED_SECRETS: Record<string, () => string> = {
  APP_KEYS: () => Array.from({ length: 4 }, () => randomSecret(16)).join(','),
  API_TOKEN_SALT: () => randomSecret(16),
  ADMIN_JWT_SECRET: () => randomSecret(32),
  TRANSFER_TOKEN_SALT: () => randomSecret(16),
  JWT_SECRET: () => randomSecret(32),
  ENCRYPTION_KEY: () => randomSecret(32),
  REBUILD_SECRET: () => crypto.randomBytes(32).toString('hex'),
  // The read-only token's key; the CMS makes its API token match it at boot.
  CMS_TOKEN: () => crypto.randomBytes(48).toString('hex'),
  // The preview token's key: reads drafts of the public types, used only by preview builds.
  CMS_PREVIEW_TOKEN: () => crypto.randomBytes(48).toString('hex'),
  // Signs the admin's preview links; the publisher's preview listener verifies them.
  PREVIEW_SECRET: () => crypto.randomBytes(32).toString('hex'),
};

/** Every secret `loadRuntimeEnv` generates, e.g. for a test harness that must start without the developer's own. */
export const SECRET_NAMES = Object.keys(GENERATED_SECRETS);

function randomSecret(bytes: number): string {
  return crypto.randomBytes(bytes).toString('base64');
}

/** The monorepo root: the nearest folder above `from` whose package.json declares workspaces. */
export function findRepoRoot(from: string = process.cwd()): string {
  let dir = path.resolve(from);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const json = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (json.workspaces) return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json with "workspaces" above ${from}`);
    dir = parent;
  }
}

/** `DATA_DIR` as an absolute path; a relative value is taken from the repo root. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(findRepoRoot(), env.DATA_DIR || '.data');
}

/** Parses a dotenv file with Node's own parser (the publisher reads the same file the same way). */
export function parseEnvFile(text: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(parseEnv(text)).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/**
 * Makes sure `DATA_DIR` exists with its folders and `secrets.env`, generating any
 * missing secret, then fills `process.env` with every secret the environment does
 * not already set. Idempotent and cheap: safe to call from each config file.
 */
export function loadRuntimeEnv(env: NodeJS.ProcessEnv = process.env): { dataDir: string; secretsFile: string } {
  const dataDir = resolveDataDir(env);
  fs.mkdirSync(path.join(dataDir, 'public', 'uploads'), { recursive: true });
  const secretsFile = path.join(dataDir, 'secrets.env');
  const stored = fs.existsSync(secretsFile) ? parseEnvFile(fs.readFileSync(secretsFile, 'utf8')) : {};

  const missing = Object.keys(GENERATED_SECRETS).filter((key) => !stored[key]);
  if (missing.length > 0) {
    for (const key of missing) {
      // A secret given by the environment is recorded as is, so every process agrees on it.
      stored[key] = env[key] || GENERATED_SECRETS[key]!();
    }
    const body = Object.entries(stored)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n');
    fs.writeFileSync(
      secretsFile,
      `# Generated on first run. Never commit. Environment variables override these.\n${body}\n`,
      {
        mode: 0o600,
      },
    );
  }
  for (const [key, value] of Object.entries(stored)) {
    if (!env[key]) env[key] = value;
  }
  env.DATA_DIR = dataDir;
  env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  return { dataDir, secretsFile };
}
