import type { Core } from '@strapi/strapi';
import { describeRefusal, plainFieldMessage, type FieldProblemDetail, type RefusedAction } from './refused-publish';

interface ValidationErrorLike extends Error {
  details?: { errors?: FieldProblemDetail[] };
}

function isValidationError(error: unknown): error is ValidationErrorLike {
  return error instanceof Error && error.name === 'ValidationError';
}

/** The content manager's Publish buttons (one entry, a single type, or a selection in the list). */
const PUBLISH_REQUEST = /\/actions\/(publish|bulkPublish)\/?$/;

/** The call-back form answers visitors with its own codes; everything else here is edited in the admin. */
const NOT_EDITED_IN_THE_ADMIN = new Set(['api::call-request.call-request']);

/**
 * Publish or save, as the editor sees it. The content manager publishes a new or edited entry by
 * saving it first (`create`/`update`) inside the Publish request, so the request decides; a
 * scheduled publish runs without one.
 */
function refusedAction(strapi: Core.Strapi, action: string): RefusedAction {
  if (action === 'publish') return 'publish';
  const path = strapi.requestContext.get()?.request?.path ?? '';
  return PUBLISH_REQUEST.test(path) ? 'publish' : 'save';
}

/**
 * Rewords every refused publish or save (Strapi's own validation, and ours: ranges, phones,
 * links, redirects) as the editor reads it: the notification says it was not published (or not
 * saved) and where to look, and each field's message names the field by its label. Registered
 * first, so it wraps the document service middlewares registered after it.
 */
export function registerRefusedPublishWording(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const edited = context.uid.startsWith('api::') && !NOT_EDITED_IN_THE_ADMIN.has(context.uid);
    if (!edited || !['publish', 'create', 'update'].includes(context.action)) return next();
    try {
      return await next();
    } catch (error) {
      if (!isValidationError(error)) throw error;
      const details = Array.isArray(error.details?.errors) ? error.details.errors : [];
      for (const detail of details) {
        if (Array.isArray(detail.path) && typeof detail.message === 'string')
          detail.message = plainFieldMessage(detail);
      }
      error.message = describeRefusal(refusedAction(strapi, context.action), error.message, details);
      throw error;
    }
  });
}
