import type { Core } from '@strapi/strapi';
import { contentManagerService, type ContentManagerConfiguration } from '../../../strapi/internals';
import { DEFAULT_LANGUAGE } from '../form/parse-call-request';

const CALL_REQUEST_UID = 'api::call-request.call-request';
/** What admissions reads above the language column and field: what to do, not how it is stored. */
export const LANGUAGE_LABEL = 'Call back in';
/** The column the language follows in the list: admissions reads who, which number, when, in what language. */
const LANGUAGE_AFTER = 'preferredTime';

/**
 * Puts the language to call back in among the list view's columns, beside the preferred time,
 * labelled "Call back in" in the list and the edit view. Leaves a label someone chose alone,
 * and a column list that already has the language. Returns whether anything changed.
 */
export function arrangeCallRequestList(configuration: ContentManagerConfiguration): boolean {
  let changed = false;
  const layouts = (configuration.layouts ??= {});
  const list = layouts.list ?? [];
  if (!list.includes('language')) {
    const at = list.indexOf(LANGUAGE_AFTER);
    layouts.list = at === -1 ? [...list, 'language'] : [...list.slice(0, at + 1), 'language', ...list.slice(at + 1)];
    changed = true;
  }
  const metadata = (configuration.metadatas.language ??= {});
  for (const view of ['list', 'edit'] as const) {
    const settings = (metadata[view] ??= {});
    // Strapi's default is the raw name; apply-help-text turns that into "Language".
    if (settings.label === undefined || settings.label === 'language' || settings.label === 'Language') {
      settings.label = LANGUAGE_LABEL;
      changed = true;
    }
  }
  return changed;
}

/**
 * At boot: the list view as above, and every request stored before requests had a language
 * marked English, which is what they were (the site had no other). One query, usually a no-op.
 */
export async function arrangeCallRequestAdmin(strapi: Core.Strapi): Promise<void> {
  const service = contentManagerService(strapi, 'content-types');
  const model = { uid: CALL_REQUEST_UID };
  const configuration = await service.findConfiguration(model);
  if (arrangeCallRequestList(configuration)) await service.updateConfiguration(model, configuration);
  const { count } = await strapi.db
    .query(CALL_REQUEST_UID)
    .updateMany({ where: { language: { $null: true } }, data: { language: DEFAULT_LANGUAGE } });
  if (count > 0) strapi.log.info(`Marked ${count} call request(s) from before the language field as English`);
}
