import type { Core, UID } from '@strapi/strapi';
import { contentTypeDefinitions, localesService } from '../strapi/internals';
import { componentFactUpdates, SHARED_COMPONENT_FIELDS, type ComponentWithFacts } from './shared-component-facts';

/** Document actions after which a version's components may differ from the default locale's. */
const WRITE_ACTIONS = new Set(['create', 'update', 'publish', 'discardDraft']);

/**
 * Keeps the facts of localized components (schedule numbers, crisis lines' phones and links:
 * `SHARED_COMPONENT_FIELDS`) the same in every locale, as Strapi does for a non-localized field:
 * after any write, each other locale's draft takes the English draft's facts, and each other
 * published version the English published version's. An editor changes them in English; a
 * translation only gives the text.
 */
export function registerSharedComponentFacts(strapi: Core.Strapi): void {
  const byUid = new Map<string, ComponentWithFacts[]>();
  for (const [uid, type] of Object.entries(contentTypeDefinitions(strapi))) {
    if (type.pluginOptions?.i18n?.localized !== true) continue;
    const found: ComponentWithFacts[] = [];
    for (const [attribute, attr] of Object.entries(type.attributes)) {
      const fields = attr.type === 'component' && attr.component ? SHARED_COMPONENT_FIELDS[attr.component] : undefined;
      if (fields && attr.pluginOptions?.i18n?.localized === true)
        found.push({ attribute, component: attr.component!, fields });
    }
    if (found.length > 0) byUid.set(uid, found);
  }

  strapi.documents.use(async (context, next) => {
    const attributes = byUid.get(context.uid);
    if (!attributes || !WRITE_ACTIONS.has(context.action)) return next();
    const result = await next();
    const params = context.params as { documentId?: unknown };
    const created = result && typeof result === 'object' && 'documentId' in result ? result.documentId : undefined;
    const documentId = typeof params.documentId === 'string' ? params.documentId : created;
    if (typeof documentId === 'string') await alignComponentFacts(strapi, context.uid, documentId, attributes);
    return result;
  });
}

async function alignComponentFacts(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  attributes: ComponentWithFacts[],
): Promise<void> {
  const defaultLocale = await localesService(strapi).getDefaultLocale();
  const rows = (await strapi.db.query(uid).findMany({
    where: { documentId },
    populate: Object.fromEntries(attributes.map(({ attribute }) => [attribute, true])),
  })) as Record<string, unknown>[];
  for (const published of [false, true]) {
    const versions = rows.filter((row) => (row.publishedAt != null) === published);
    const source = versions.find((row) => row.locale === defaultLocale);
    if (!source) continue;
    for (const translation of versions.filter((row) => row !== source)) {
      for (const { component, id, data } of componentFactUpdates(source, translation, attributes)) {
        await strapi.db.query(component).update({ where: { id }, data });
      }
    }
  }
}
