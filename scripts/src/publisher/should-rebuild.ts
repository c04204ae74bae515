import type { StrapiWebhook } from './strapi-webhook.ts';

/** Events after which the public site differs, when they concern a public content type. */
const ENTRY_EVENTS_THAT_CHANGE_THE_SITE = new Set(['entry.publish', 'entry.unpublish', 'entry.delete']);

/** Media events after which a served file may differ. `media.create` alone changes no page. */
const MEDIA_EVENTS_THAT_CHANGE_THE_SITE = new Set(['media.update', 'media.delete']);

/** Publishing a Strapi release publishes all of its entries at once. */
const RELEASE_EVENTS_THAT_CHANGE_THE_SITE = new Set(['releases.publish']);

/** Collections that are never read by the site (form submissions hold personal data). */
const PRIVATE_UIDS = new Set(['api::call-request.call-request']);
const PRIVATE_MODELS = new Set(['call-request']);

/**
 * Whether the event concerns a type the site shows. Only `api::` types are content; plugin and
 * admin types (users, roles) never reach a page. Without a uid, fall back to the model name, and
 * without either, assume public: a spare build is cheaper than a missed publish.
 */
export function isPublicContentType(event: Pick<StrapiWebhook, 'uid' | 'model'>): boolean {
  if (event.uid) return event.uid.startsWith('api::') && !PRIVATE_UIDS.has(event.uid);
  if (event.model) return !PRIVATE_MODELS.has(event.model);
  return true;
}

/**
 * Decides whether a Strapi webhook event changes what visitors see. Draft saves
 * (`entry.create`, `entry.update`: every public type uses draft & publish), `entry.draft-discard`,
 * call requests and Strapi's `trigger-test` button are acknowledged and ignored.
 */
export function shouldRebuild(event: Pick<StrapiWebhook, 'event' | 'uid' | 'model'>): boolean {
  if (ENTRY_EVENTS_THAT_CHANGE_THE_SITE.has(event.event)) return isPublicContentType(event);
  if (MEDIA_EVENTS_THAT_CHANGE_THE_SITE.has(event.event)) return true;
  if (RELEASE_EVENTS_THAT_CHANGE_THE_SITE.has(event.event)) return true;
  return false;
}
