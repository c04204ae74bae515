import type { Core } from '@strapi/strapi';
import { contentManagerService, type ContentManagerConfiguration } from '../strapi/internals';

const FAQ_UID = 'api::faq.faq';
/** The FAQ list's columns: what the FAQ page groups and orders by, next to the question. */
export const FAQ_LIST_COLUMNS = ['question', 'topic', 'order', 'slug'];

/**
 * The FAQ list as the FAQ page reads it: question, topic and order in columns, sorted by topic
 * (Strapi's list sorts by one column; clicking Order sorts by it). Returns whether anything changed.
 */
export function arrangeFaqList(configuration: ContentManagerConfiguration): boolean {
  let changed = false;
  const layouts = (configuration.layouts ??= {});
  if (JSON.stringify(layouts.list) !== JSON.stringify(FAQ_LIST_COLUMNS)) {
    layouts.list = [...FAQ_LIST_COLUMNS];
    changed = true;
  }
  const settings = (configuration.settings ??= {});
  if (settings.defaultSortBy !== 'topic' || settings.defaultSortOrder !== 'ASC') {
    settings.defaultSortBy = 'topic';
    settings.defaultSortOrder = 'ASC';
    changed = true;
  }
  for (const field of ['topic', 'order']) {
    const list = configuration.metadatas[field]?.list;
    if (list && list.sortable !== true) {
      list.sortable = true;
      changed = true;
    }
  }
  return changed;
}

/** Writes the FAQ list's columns and sort into the content manager's configuration at boot. */
export async function configureFaqList(strapi: Core.Strapi): Promise<void> {
  const service = contentManagerService(strapi, 'content-types');
  const model = { uid: FAQ_UID };
  const configuration = await service.findConfiguration(model);
  if (arrangeFaqList(configuration)) await service.updateConfiguration(model, configuration);
}
