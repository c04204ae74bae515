import type { Core } from '@strapi/strapi';
import helpText from '../content-help.json';
import { contentManagerService } from '../strapi/internals';
import { fieldLabel } from './field-label';

/**
 * Shows each field's help text (cms/src/content-help.json) under it in the admin's
 * edit view, and a readable label ("Continuum rank", not `continuumRank`) above it. Strapi keeps these descriptions in the content manager's configuration,
 * so they are written there at boot; only fields whose text changed are touched.
 */
export async function applyHelpText(strapi: Core.Strapi): Promise<void> {
  const help = helpText as Record<string, Record<string, string>>;
  for (const [uid, fields] of Object.entries(help)) {
    const isComponent = !uid.includes('::');
    const service = contentManagerService(strapi, isComponent ? 'components' : 'content-types');
    const model = { uid };
    const configuration = await service.findConfiguration(model);
    let changed = false;
    for (const [field, description] of Object.entries(fields)) {
      const metadata = configuration.metadatas[field];
      if (!metadata?.edit) continue;
      if (metadata.edit.description !== description) {
        metadata.edit.description = description;
        changed = true;
      }
      // Strapi labels a field with its raw name; replace only that, never a label someone set.
      const label = fieldLabel(field);
      for (const view of [metadata.edit, metadata.list]) {
        if (view && view.label === field && label !== field) {
          view.label = label;
          changed = true;
        }
      }
    }
    if (changed) await service.updateConfiguration(model, configuration);
  }
}
