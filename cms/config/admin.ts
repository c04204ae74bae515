import { loadRuntimeEnv } from '../src/env/runtime-env';
import type { UID } from '@strapi/strapi';
import type { FaqForPaging } from '../src/preview/faq-page';
import { createPreviewUrlHandler, previewOriginOf } from '../src/preview/preview-url-handler';

type Env = { (key: string, fallback?: string): string; bool(key: string, fallback?: boolean): boolean };

export default ({ env }: { env: Env }) => {
  loadRuntimeEnv();
  const previewOrigin = previewOriginOf(process.env);
  return {
    auth: { secret: env('ADMIN_JWT_SECRET') },
    apiToken: { salt: env('API_TOKEN_SALT') },
    transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
    secrets: { encryptionKey: env('ENCRYPTION_KEY') },
    flags: { nps: false, promoteEE: false },
    // Tests and headless CI boot the API without the admin bundle.
    serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
    // Strapi's Preview: a signed, hour-long link to the entry's page on the publisher's preview
    // listener, built from drafts. `allowedOrigins` also goes into the admin's CSP `frame-src`.
    preview: {
      enabled: true,
      config: {
        allowedOrigins: [previewOrigin],
        handler: createPreviewUrlHandler({
          previewOrigin,
          secret: env('PREVIEW_SECRET'),
          findDraft: async (uid, documentId, locale) =>
            strapi.documents(uid as UID.ContentType).findFirst({
              filters: { documentId },
              status: 'draft',
              ...(locale ? { locale } : {}),
            }),
          findFaqDrafts: async (locale) =>
            (await strapi.documents('api::faq.faq').findMany({
              status: 'draft',
              fields: ['slug', 'question', 'answer', 'topic', 'order'],
              ...(locale ? { locale } : {}),
            })) as FaqForPaging[],
        }),
      },
    },
  };
};
