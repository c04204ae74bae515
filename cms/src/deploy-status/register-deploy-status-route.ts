import type { Core } from '@strapi/strapi';
import { addAdminRoutes } from '../strapi/internals';
import { countUnpublishedChanges, READ_ACTION } from './count-unpublished-changes';

interface Context {
  body: unknown;
  set(header: string, value: string): void;
  state: { userAbility?: { can(action: string, subject: string): boolean } };
}

/** The publisher's status endpoint, read server-side so the admin's browser never needs to reach it. */
export function publisherStatusUrl(env: NodeJS.ProcessEnv): string {
  return env.PUBLISHER_STATUS_URL || `http://127.0.0.1:${env.PUBLISHER_PORT || '4322'}/status`;
}

/**
 * For signed-in admins, what the home page's "Public website" widget reads.
 *
 * `GET /admin/deploy-status`: the publisher's `/status`, or
 * `{ reachable: false, error }` when the publisher does not answer within 2 s. Both carry
 * `siteUrl` (`SITE_URL`), so the edit view can link an entry to its public page.
 *
 * `GET /admin/unpublished-changes`: per public content type the admin may read, how many entries
 * were never published or changed since (`UnpublishedChanges`), one query per type.
 */
export function registerDeployStatusRoute(strapi: Core.Strapi, env: NodeJS.ProcessEnv): void {
  const siteUrl = (env.SITE_URL || 'http://localhost:4321').replace(/\/+$/, '');
  addAdminRoutes<Context>(strapi, [
    {
      method: 'GET',
      path: '/deploy-status',
      handler: async (ctx) => {
        ctx.set('Cache-Control', 'no-store');
        try {
          const res = await fetch(publisherStatusUrl(env), { signal: AbortSignal.timeout(2000) });
          if (!res.ok) throw new Error(`publisher answered ${res.status}`);
          const status: unknown = await res.json();
          ctx.body = { reachable: true, status, siteUrl };
        } catch (error) {
          ctx.body = { reachable: false, error: error instanceof Error ? error.message : String(error), siteUrl };
        }
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'GET',
      path: '/unpublished-changes',
      handler: async (ctx) => {
        ctx.set('Cache-Control', 'no-store');
        const ability = ctx.state.userAbility;
        ctx.body = await countUnpublishedChanges(strapi, (uid) => ability?.can(READ_ACTION, uid) ?? false);
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ]);
}
