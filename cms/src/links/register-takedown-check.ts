import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { addAdminRoutes } from '../strapi/internals';
import { throwFieldProblems } from '../redirects/register-redirects';
import { describeTakedownRefusal } from './incoming-links';
import type { IncomingLinks } from './incoming-links-response';
import { hasLinkablePage, loadIncomingLinks, type MarkdownType } from './load-incoming-links';

/** The content manager's read permission: the admin must be able to open the entry. */
const READ_ACTION = 'plugin::content-manager.explorer.read';

const querySchema = z.object({
  uid: z.string().min(1),
  documentId: z.string().min(1),
  /** The version the dialog is about (the edit view's locale); the default locale's when absent. */
  locale: z.string().min(1).optional(),
});

interface Context {
  query: unknown;
  body: unknown;
  status: number;
  set(header: string, value: string): void;
  state: { userAbility?: { can(action: string, subject: string): boolean } };
}

/**
 * Links never break by taking a page down:
 * - Unpublish or Delete of a published program level, therapy, condition or FAQ that another
 *   published entry's Markdown links to is refused, naming the linking entries and fields, so
 *   the site's next build does not fail on the broken link (and keep the page live regardless);
 *   each version taken down (the locales the action names) takes its own edition's page, so a
 *   Spanish version is held by links to its `/es/` page, an English one by links to its page
 *   from either language (see `GoneTarget`).
 * `types` are the content types whose Markdown is read (`markdownTypes`).
 * - `GET /admin/incoming-links?uid=&documentId=&locale=` (signed-in admins who may read the type)
 *   answers the same finding (`IncomingLinks`), for the confirmation dialog to say before the click.
 */
export function registerTakedownCheck(strapi: Core.Strapi, types: Map<string, MarkdownType>): void {
  strapi.documents.use(async (context, next) => {
    const action = context.action;
    const params = context.params as { documentId?: string; locale?: unknown };
    if ((action !== 'unpublish' && action !== 'delete') || !params.documentId || !hasLinkablePage(context.uid)) {
      return next();
    }
    const found = await loadIncomingLinks(strapi, types, context.uid, params.documentId, params.locale);
    if (found && found.linkedFrom.length > 0) {
      throwFieldProblems([{ path: [], message: describeTakedownRefusal(action, found.name, found.linkedFrom) }]);
    }
    return next();
  });

  addAdminRoutes<Context>(strapi, [
    {
      method: 'GET',
      path: '/incoming-links',
      handler: async (ctx) => {
        ctx.set('Cache-Control', 'no-store');
        const query = querySchema.safeParse(ctx.query);
        if (!query.success) {
          ctx.status = 400;
          ctx.body = { error: 'uid and documentId are required' };
          return;
        }
        const { uid, documentId, locale } = query.data;
        if (!(ctx.state.userAbility?.can(READ_ACTION, uid) ?? false)) {
          ctx.status = 403;
          ctx.body = { error: `You may not read ${uid}` };
          return;
        }
        const found = await loadIncomingLinks(strapi, types, uid, documentId, locale);
        const body: IncomingLinks = found
          ? { path: found.path, linkedFrom: found.linkedFrom }
          : { path: null, linkedFrom: [] };
        ctx.body = body;
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ]);
}
