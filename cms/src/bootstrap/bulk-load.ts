import type { Core } from '@strapi/strapi';

interface Webhook {
  id: string;
  isEnabled: boolean;
}
interface WebhookStore {
  findWebhooks(): Promise<Webhook[]>;
}
interface WebhookRunner {
  add(webhook: Webhook): void;
  remove(webhook: Webhook): void;
}

/** The event a bulk load sends once when it is done, in place of one per document. */
export const BULK_LOAD_EVENT = 'entry.publish';
export const BULK_LOAD_MODEL = 'bulk-load';

/**
 * Runs a bulk load (the seed, an import) with webhooks paused, so a hundred
 * documents do not ask the publisher for a hundred builds; when the load changed
 * anything, every webhook then receives one `entry.publish` whose model is
 * `bulk-load` and whose entry says how many documents changed.
 */
export async function runBulkLoad(strapi: Core.Strapi, load: () => Promise<number>): Promise<number> {
  const store = strapi.get<WebhookStore>('webhookStore');
  const runner = strapi.get<WebhookRunner>('webhookRunner');
  const webhooks = (await store.findWebhooks()).filter((w) => w.isEnabled);
  webhooks.forEach((w) => runner.remove(w));
  let changed: number;
  try {
    changed = await load();
  } finally {
    webhooks.forEach((w) => runner.add(w));
  }
  if (changed > 0) {
    await strapi.eventHub.emit(BULK_LOAD_EVENT, {
      model: BULK_LOAD_MODEL,
      uid: BULK_LOAD_MODEL,
      entry: { count: changed },
    });
  }
  return changed;
}
