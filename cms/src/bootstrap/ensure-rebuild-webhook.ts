import type { Core } from '@strapi/strapi';
import contract from '@clinic/shared-types/publishing.json';

export const REBUILD_WEBHOOK_NAME = 'Site rebuild (publisher)';

/**
 * The publishing contract's events: site-changing ones (live builds) and draft changes (preview
 * builds only; the publisher never builds the live site for them).
 */
export const REBUILD_EVENTS: readonly string[] = [...contract.siteChangingEvents, ...contract.previewEvents];

interface Webhook {
  id: string;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}
interface WebhookStore {
  findWebhooks(): Promise<Webhook[]>;
  createWebhook(data: Omit<Webhook, 'id' | 'isEnabled'>): Promise<Webhook>;
  updateWebhook(id: string, data: Omit<Webhook, 'id'>): Promise<Webhook | null>;
  allowedEvents: Map<string, string>;
}
interface WebhookRunner {
  add(webhook: Webhook): void;
  update(webhook: Webhook): void;
}

/** Where the publisher listens, unless `REBUILD_WEBHOOK_URL` says otherwise. */
export function rebuildWebhookUrl(env: NodeJS.ProcessEnv): string {
  return env.REBUILD_WEBHOOK_URL || `http://127.0.0.1:${env.PUBLISHER_PORT || '4322'}/hooks/strapi`;
}

/**
 * Registers (or corrects) the webhook that tells the publisher to rebuild, with the
 * shared secret as a bearer token. Idempotent; `REBUILD_WEBHOOK_URL=off` disables it.
 */
export async function ensureRebuildWebhook(strapi: Core.Strapi, env: NodeJS.ProcessEnv): Promise<void> {
  const store = strapi.get<WebhookStore>('webhookStore');
  const runner = strapi.get<WebhookRunner>('webhookRunner');
  const existing = (await store.findWebhooks()).find((w) => w.name === REBUILD_WEBHOOK_NAME);
  const disabled = env.REBUILD_WEBHOOK_URL === 'off';
  if (!env.REBUILD_SECRET) throw new Error('REBUILD_SECRET is not set: the rebuild webhook cannot authenticate');
  const allowed = new Set(store.allowedEvents.values());
  const wanted = {
    name: REBUILD_WEBHOOK_NAME,
    url: disabled ? (existing?.url ?? rebuildWebhookUrl({})) : rebuildWebhookUrl(env),
    headers: { Authorization: `Bearer ${env.REBUILD_SECRET}` },
    // Media events exist only while the upload plugin is enabled.
    events: REBUILD_EVENTS.filter((e) => allowed.has(e)),
    isEnabled: !disabled,
  };
  if (!existing) {
    if (disabled) return;
    const created = await store.createWebhook(wanted);
    runner.add(created);
    strapi.log.info(`Registered the rebuild webhook -> ${wanted.url}`);
    return;
  }
  const same =
    existing.url === wanted.url &&
    existing.isEnabled === wanted.isEnabled &&
    JSON.stringify(existing.headers) === JSON.stringify(wanted.headers) &&
    JSON.stringify([...existing.events].sort()) === JSON.stringify([...wanted.events].sort());
  if (same) return;
  const updated = await store.updateWebhook(existing.id, wanted);
  if (updated) runner.update(updated);
  strapi.log.info(`Updated the rebuild webhook -> ${wanted.url}${disabled ? ' (disabled)' : ''}`);
}
