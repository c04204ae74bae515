import type { Core } from '@strapi/strapi';
import { adminService } from '../strapi/internals';
import { readActions } from './public-content-types';

export const READ_TOKEN_NAME = 'Site build (read-only)';

/**
 * Makes the read-only API token the site build uses exist, with exactly `find` and
 * `findOne` on the public content types, and with `key` as its secret, so the key in
 * `DATA_DIR/secrets.env` (or `CMS_TOKEN` from the environment) always works.
 * Idempotent: safe at every boot.
 */
export async function ensureReadToken(strapi: Core.Strapi, key: string | undefined): Promise<void> {
  if (!key) throw new Error('CMS_TOKEN is not set: the read-only token for site builds cannot be created');
  const tokens = adminService(strapi, 'api-token-content-api');
  const permissions = readActions();
  const attributes = {
    name: READ_TOKEN_NAME,
    description: 'Used by the Astro site build to read published content. Read-only; managed by the CMS at boot.',
    type: 'custom',
    lifespan: null,
    permissions,
  };
  const existing = await tokens.getByName(READ_TOKEN_NAME);
  const token = existing ? existing : await tokens.create(attributes);
  // Update the permissions every boot: a new content type is readable by the site at once.
  if (existing) await tokens.update(existing.id, { permissions, type: 'custom' });
  const encryption = adminService(strapi, 'encryption');
  await strapi.db.query('admin::api-token').update({
    where: { id: token.id },
    data: { accessKey: tokens.hash(key), encryptedKey: encryption.encrypt(key) },
  });
}
