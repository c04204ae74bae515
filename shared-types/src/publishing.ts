/**
 * The publishing contract between the CMS and the publisher: which Strapi events change the public
 * site, which content types are public, the event a bulk load sends, the webhook body, and the
 * publisher's `/status`. The CMS registers its webhook from these lists, the publisher decides with
 * them, and the launcher, the admin widget and the tests parse the status with the same schema.
 */
import { z } from 'zod';
import { contentTypes } from './generated/content.ts';
import contract from './publishing.json' with { type: 'json' };

/**
 * Events after which the public site may look different. Draft saves (`entry.create`,
 * `entry.update`: every public type uses draft & publish), `entry.draft-discard`, `media.create`
 * (a new file is on no page yet) and Strapi's `trigger-test` change nothing a visitor sees.
 */
export const SITE_CHANGING_EVENTS: readonly string[] = contract.siteChangingEvents;

/** The content types the site reads (every draft & publish `api::` type), generated from the Strapi schemas. */
export const PUBLIC_CONTENT_TYPE_UIDS: readonly string[] = Object.values(contentTypes).map((type) => type.uid);

/**
 * What a bulk load (the seed, an import) sends once when it is done, in place of one webhook per
 * document: an `entry.publish` whose uid and model are `bulk-load` and whose entry holds the count.
 */
export const BULK_LOAD_EVENT: Readonly<{ event: string; uid: string; model: string }> = contract.bulkLoad;

/**
 * The part of a Strapi 5 webhook body the publisher reads. Strapi sends each webhook once and
 * never retries, so optional metadata is accepted leniently (null or absent): dropping a publish
 * over a missing `model` would leave the site stale until the next one.
 */
export const publishEventSchema = z.object({
  event: z.string().min(1).describe('Strapi event name, for example entry.publish'),
  createdAt: z.string().nullish(),
  model: z.string().nullish().describe('content type singular name, for example faq'),
  uid: z.string().nullish().describe('content type uid, for example api::faq.faq'),
  // Read only to know it is there; its fields (possibly personal data) are never logged.
  entry: z.record(z.string(), z.unknown()).nullish(),
});
export type PublishEvent = z.output<typeof publishEventSchema>;

const siteChangingEvents: ReadonlySet<string> = new Set(SITE_CHANGING_EVENTS);
const entryUids: ReadonlySet<string> = new Set([...PUBLIC_CONTENT_TYPE_UIDS, BULK_LOAD_EVENT.uid]);
const entryModels: ReadonlySet<string> = new Set([
  ...Object.values(contentTypes).map((type) => type.singularName),
  BULK_LOAD_EVENT.model,
]);

/**
 * Whether an event changes what visitors see: a site-changing event of a public type (or of a bulk
 * load), or any media update or delete (a served file may differ). An entry event without a uid is
 * judged by its model, and without either it counts: a spare build is cheaper than a missed publish.
 */
export function changesPublicSite(event: Pick<PublishEvent, 'event' | 'uid' | 'model'>): boolean {
  if (!siteChangingEvents.has(event.event)) return false;
  if (event.event.startsWith('media.')) return true;
  if (event.uid) return entryUids.has(event.uid);
  if (event.model) return entryModels.has(event.model);
  return true;
}

/**
 * Draft changes: what an editor sees in a preview (built from drafts) may differ after these, the
 * public site not. The CMS's webhook sends them too; the publisher builds previews for them, never
 * the live site.
 */
export const PREVIEW_EVENTS: readonly string[] = contract.previewEvents;

const previewEvents: ReadonlySet<string> = new Set(PREVIEW_EVENTS);

/**
 * Whether an event may change a preview: a draft change of a public type, or anything that changes
 * the public site (a delete, a media update). Without a uid or model a draft change counts.
 */
export function changesPreview(event: Pick<PublishEvent, 'event' | 'uid' | 'model'>): boolean {
  if (changesPublicSite(event)) return true;
  if (!previewEvents.has(event.event)) return false;
  if (event.uid) return entryUids.has(event.uid);
  if (event.model) return entryModels.has(event.model);
  return true;
}

/** What caused a build: event names with counts and the content types involved, never entry contents. */
export const buildTriggerSchema = z.object({
  /** Event name -> how many of them were merged into this build. */
  events: z.record(z.string(), z.number()),
  /** Content types named by the events, sorted. */
  models: z.array(z.string()),
  /** Number of events merged. */
  count: z.number(),
  /** ISO time of the first and last merged event. */
  firstAt: z.string(),
  lastAt: z.string(),
});
export type BuildTrigger = z.output<typeof buildTriggerSchema>;

/**
 * Where a build's time went, in ms, in the order the publisher runs them: waiting (the first
 * merged event received -> build started), the build step (Astro's `build()`, split into its
 * phases where Astro reports them: content sync, Vite bundling, page rendering, the rest), then
 * the output check, precompression and the switch live. A phase the build step did not report
 * is null.
 */
export const buildStagesSchema = z.object({
  waitingMs: z.number(),
  buildMs: z.number(),
  /** Astro's content layer sync: the loaders fetching and validating the CMS's entries. */
  contentMs: z.number().nullable(),
  /** Vite's server and client bundles. */
  bundleMs: z.number().nullable(),
  /** Rendering every page to HTML. */
  renderMs: z.number().nullable(),
  /** Astro's setup around the content sync: config, Vite server, routes, generated types. */
  setupMs: z.number().nullish(),
  /** The integrations' `astro:build:done` hooks after the pages (sitemap, ...). */
  integrationsMs: z.number().nullish(),
  /** The rest of the build step: what no phase above covers, worker messages. */
  otherMs: z.number().nullable(),
  checkMs: z.number(),
  /** The site search index (Pagefind) of the finished build; absent where none is built. */
  searchIndexMs: z.number().nullish(),
  precompressMs: z.number(),
  switchMs: z.number(),
});
export type BuildStages = z.output<typeof buildStagesSchema>;

/** The build being served, as `/status` shows it (the folder stays private). */
export const liveBuildStatusSchema = z.object({
  id: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  trigger: buildTriggerSchema,
  /** Absent (or null) from publishers that predate it. */
  stages: buildStagesSchema.nullish(),
});

export const buildFailureSchema = z.object({
  at: z.string(),
  buildId: z.string(),
  message: z.string(),
  /** The last lines of build output, for the editor to see why. */
  output: z.array(z.string()),
});
export type BuildFailure = z.output<typeof buildFailureSchema>;

/** The body of the publisher's `GET /status`. */
export const publisherStatusSchema = z.object({
  /** One word for the admin: building (or waiting to), failed (last attempt), live, or starting. */
  state: z.enum(['building', 'failed', 'live', 'starting']),
  live: liveBuildStatusSchema.nullable(),
  building: z.boolean(),
  queued: z.boolean(),
  current: z.object({ id: z.string(), startedAt: z.string(), trigger: buildTriggerSchema }).nullable(),
  lastError: buildFailureSchema.nullable(),
  /** Builds started by this process. */
  builds: z.number(),
});
export type PublisherStatus = z.output<typeof publisherStatusSchema>;

/** The CMS's `GET /admin/deploy-status`: the publisher's status, or why it could not be read. */
export const deployStatusResponseSchema = z.discriminatedUnion('reachable', [
  z.object({ reachable: z.literal(true), status: publisherStatusSchema }),
  z.object({ reachable: z.literal(false), error: z.string() }),
]);
export type DeployStatusResponse = z.output<typeof deployStatusResponseSchema>;
