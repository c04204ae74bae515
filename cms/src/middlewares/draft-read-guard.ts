import { timingSafeEqual } from 'node:crypto';
import { errors } from '@strapi/utils';

interface Ctx {
  path: string;
  query: Record<string, unknown>;
  get(header: string): string;
}

/** Whether a content API query asks for anything but published content. */
export function asksForDrafts(query: Record<string, unknown>): boolean {
  const status = query.status;
  // Strapi 5's `status`, and v4's `publicationState` (honoured with the v4 response header).
  if (status !== undefined && status !== 'published') return true;
  const state = query.publicationState;
  return state !== undefined && state !== 'live';
}

/** Whether `authorization` is `Bearer <previewKey>`, compared in constant time. */
export function isPreviewToken(authorization: string, previewKey: string | undefined): boolean {
  if (!previewKey) return false;
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  if (!match) return false;
  const given = Buffer.from(match[1] ?? '');
  const expected = Buffer.from(previewKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Drafts through the content API (`/api/...?status=draft`) only for the preview token
 * (`CMS_PREVIEW_TOKEN`): the site's read token and the public get 403, so unpublished copy
 * cannot reach the live site or a visitor who guesses the parameter. Global, because route
 * auth (`ctx.state.auth`) runs after global middlewares; the preview token's own permissions
 * (find/findOne of the public types) still apply after this.
 */
export default () => async (ctx: Ctx, next: () => Promise<void>) => {
  if (!ctx.path.startsWith('/api/') || !asksForDrafts(ctx.query)) return next();
  if (!isPreviewToken(ctx.get('authorization'), process.env.CMS_PREVIEW_TOKEN)) {
    throw new errors.ForbiddenError('Drafts are readable only with the preview token; ask for status=published');
  }
  return next();
};
