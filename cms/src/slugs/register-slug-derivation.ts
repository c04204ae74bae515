import type { Core } from '@strapi/strapi';
import { contentManagerService, contentTypeDefinitions } from '../strapi/internals';
import { isPlaceholderSlug } from './placeholder-slug';

/**
 * When an entry is saved with the admin's placeholder slug (`faq-2`) and its title field is
 * filled, the slug is derived from the title, unique, as the help text promises. A slug an
 * editor typed, or one already in use on the site, is never touched.
 */
export function registerSlugDerivation(strapi: Core.Strapi): void {
  const slugFields = new Map<string, { field: string; target: string; modelName: string }[]>();
  for (const [uid, contentType] of Object.entries(contentTypeDefinitions(strapi))) {
    if (!uid.startsWith('api::')) continue;
    const fields = Object.entries(contentType.attributes)
      .filter(([, attr]) => attr.type === 'uid' && attr.targetField)
      .map(([field, attr]) => ({ field, target: attr.targetField!, modelName: contentType.modelName }));
    if (fields.length) slugFields.set(uid, fields);
  }

  strapi.documents.use(async (context, next) => {
    const fields = slugFields.get(context.uid);
    const params = context.params as { data?: Record<string, unknown> };
    if (fields && (context.action === 'create' || context.action === 'update') && params.data) {
      const data = params.data;
      for (const { field, target, modelName } of fields) {
        const title = data[target];
        if (typeof title === 'string' && title.trim() && isPlaceholderSlug(data[field], modelName)) {
          data[field] = await contentManagerService(strapi, 'uid').generateUIDField({
            contentTypeUID: context.uid,
            field,
            data,
          });
        }
      }
    }
    return next();
  });
}
