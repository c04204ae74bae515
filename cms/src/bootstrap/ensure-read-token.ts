import type { Core } from '@strapi/strapi';
import { adminService } from '../strapi/internals';
import { readActions } from './public-content-types';

export const READ_TOKEN_NAME = 'Site build (read-only)';

/** One read-only API token the CMS keeps in line with a key from the environment. */
export interface ReadOnlyTokenSpec {
  /** The token's name in the admin (unique). */
  name: string;
  description: string;
  /** The variable holding the key, named in the error when it is missing. */
  variable: string;
}

/**
 * Makes the API token `spec.name` exist, with exactly `find` and `findOne` on the public
 * content types, and with `key` as its secret, so the key in `DATA_DIR/secrets.env` (or the
 * environment) always works. Idempotent: safe at every boot.
 */
export async function ensureReadOnlyToken(
  strapi: Core.Strapi,
  spec: ReadOnlyTokenSpec,
  key: string | undefined,
): Promise<void> {
  if (!key) throw new Error(`${spec.variable} is not set: the API token "${spec.name}" cannot be created`);
  const tokens = adminService(strapi, 'api-token-content-api');
  const permissions = readActions();
  const attributes = {
    name: spec.name,
    description: spec.description,
    type: 'custom',
    lifespan: null,
    permissions,
  };
  const existing = await tokens.getByName(spec.name);
  const token = existing ? existing : await tokens.create(attributes);
  // Update the permissions every boot: a new content type is readable by the site at once.
  if (existing) await tokens.update(existing.id, { permissions, type: 'custom' });
  const encryption = adminService(strapi, 'encryption');
  await strapi.db.query('admin::api-token').update({
    where: { id: token.id },
    data: { accessKey: tokens.hash(key), encryptedKey: encryption.encrypt(key) },
  });
}

/**
 * Makes the read-only API token the site build uses exist with `key` (`CMS_TOKEN`). It reads
 * published content only: `global::draft-read-guard` refuses it `status=draft`.
 */
export async function ensureReadToken(strapi: Core.Strapi, key: string | undefined): Promise<void> {
  await ensureReadOnlyToken(
    strapi,
    {
      name: READ_TOKEN_NAME,
      description: 'Used by the Astro site build to read published content. Read-only; managed by the CMS at boot.',
      variable: 'CMS_TOKEN',
    },
    key,
  );
}
