import type { Core } from '@strapi/strapi';
import { ensureReadOnlyToken } from './ensure-read-token';

export const PREVIEW_TOKEN_NAME = 'Site preview (drafts, read-only)';

/**
 * Makes the preview builds' API token exist with `key` (`CMS_PREVIEW_TOKEN`): the same
 * find/findOne on the public types as the site's token, and the only token
 * `global::draft-read-guard` lets ask for `status=draft`.
 */
export async function ensurePreviewToken(strapi: Core.Strapi, key: string | undefined): Promise<void> {
  await ensureReadOnlyToken(
    strapi,
    {
      name: PREVIEW_TOKEN_NAME,
      description:
        'Used by the publisher to build draft previews: reads drafts of the public types. Read-only; managed by the CMS at boot.',
      variable: 'CMS_PREVIEW_TOKEN',
    },
    key,
  );
}
