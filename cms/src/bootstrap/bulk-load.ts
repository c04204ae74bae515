import type { Core } from '@strapi/strapi';
import contract from '@clinic/shared-types/publishing.json';

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

/**
 * Runs a bulk load (the seed, an import) with webhooks paused, so a hundred
 * documents do not ask the publisher for a hundred builds; when the load changed
 * anything, every webhook then receives the contract's one bulk-load event
 * (shared-types `BULK_LOAD_EVENT`), whose entry says how many documents changed.
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
    const { event, model, uid } = contract.bulkLoad;
    await strapi.eventHub.emit(event, { model, uid, entry: { count: changed } });
  }
  return changed;
}
