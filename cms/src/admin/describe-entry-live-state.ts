import { deployStatusResponseSchema } from '@clinic/shared-types';
import sitePaths from '@clinic/shared-types/site-paths.json';
import { z } from 'zod';
import { formatAgo, type DeployState } from './describe-deploy-state';

/**
 * Where an entry's page is on the public site, from its content type, slug and locale:
 * `/programs/<slug>/`, `/treatments/<slug>/`, `/conditions/<slug>/`, `/faq/#<slug>`, `/` for the
 * facility, each under its edition's prefix for a translation (`/es/programs/<es-slug>/`, `/es/`).
 * Null for types without a page (call requests), an entry without a slug yet, or a locale the
 * site has no edition in.
 */
export function publicPathOf(model: string, slug: unknown, locale?: unknown): string | null {
  const name = /^api::([a-z-]+)\.\1$/.exec(model)?.[1];
  if (!name) return null;
  const editionPrefixes: Record<string, string> = sitePaths.localePathPrefixes;
  // No locale: a type without i18n, shown in the root edition.
  const edition =
    locale === undefined || locale === null ? '' : typeof locale === 'string' ? editionPrefixes[locale] : undefined;
  if (edition === undefined) return null;
  if (name === 'facility') return `${edition}/`;
  if (typeof slug !== 'string' || slug === '') return null;
  if (name === 'faq') return `${edition}${sitePaths.faqPath}#${encodeURIComponent(slug)}`;
  const prefixes: Record<string, string> = sitePaths.entryPathPrefixes;
  const prefix = prefixes[name];
  return prefix ? `${edition}${prefix}${encodeURIComponent(slug)}/` : null;
}

/** What the edit view passes a side panel, as far as the live state needs it. */
const panelEntrySchema = z.object({
  activeTab: z.enum(['draft', 'published']).nullable(),
  document: z
    .object({ publishedAt: z.string().nullish(), status: z.string().nullish(), slug: z.unknown() })
    .passthrough()
    .nullish(),
  meta: z.object({ availableStatus: z.array(z.object({ publishedAt: z.string().nullish() }).passthrough()) }).nullish(),
});

/** When this entry's published version was published, whichever tab the editor is on; null if it is not published. */
export function publishedAtOf(props: unknown): Date | null {
  const parsed = panelEntrySchema.safeParse(props);
  if (!parsed.success) return null;
  const { activeTab, document, meta } = parsed.data;
  const stamp =
    activeTab === 'published'
      ? document?.publishedAt
      : (meta?.availableStatus.find((version) => version.publishedAt)?.publishedAt ?? document?.publishedAt);
  return stamp ? new Date(stamp) : null;
}

/** The edit view's panel: is this entry's published version on the site, and where. */
export interface EntryLiveState extends DeployState {
  /** The public page's full address, when the entry has one and the site's origin is known. */
  href?: string;
}

/**
 * This entry's place on the public site, from when it was last published and the publisher's
 * status (`GET /admin/deploy-status`, which also carries the site's origin): live once a build
 * that finished after the publish is served, "Building…" while one runs, failed when the last
 * build after the publish failed.
 */
export function describeEntryLiveState(
  entry: { model: string; slug: unknown; locale?: unknown; publishedAt: Date | null; hasUnpublishedChanges: boolean },
  response: unknown,
  now: Date,
): EntryLiveState {
  const path = publicPathOf(entry.model, entry.slug, entry.locale);
  const siteUrl = z.object({ siteUrl: z.string().url() }).safeParse(response);
  const href = path && siteUrl.success ? `${siteUrl.data.siteUrl.replace(/\/+$/, '')}${path}` : undefined;
  const withHref = (state: DeployState): EntryLiveState => (href ? { ...state, href } : state);
  const pending = entry.hasUnpublishedChanges ? 'Saved changes are not published yet.' : undefined;
  const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;
  const only = (state: DeployState): DeployState =>
    state.detail ? state : { tone: state.tone, headline: state.headline };

  if (!entry.publishedAt) {
    return only({ tone: 'neutral', headline: 'Not on the site', detail: 'Publish to put this page live.' });
  }
  const parsed = deployStatusResponseSchema.safeParse(response);
  if (!parsed.success || !parsed.data.reachable) {
    return withHref(
      only({
        tone: 'neutral',
        headline: 'Live status unavailable',
        detail: join('The publisher did not answer.', pending),
      }),
    );
  }
  const { status } = parsed.data;
  const liveAt = status.live ? new Date(status.live.finishedAt) : null;
  if (liveAt && liveAt >= entry.publishedAt) {
    return withHref(
      only({
        tone: 'success',
        headline: 'Live',
        detail: join(`Published ${formatAgo(entry.publishedAt, now)}.`, pending),
      }),
    );
  }
  if (status.building || status.queued) {
    return withHref(
      only({ tone: 'warning', headline: 'Building…', detail: 'Your publish goes live in a few seconds.' }),
    );
  }
  const failedAt = status.lastError ? new Date(status.lastError.at) : null;
  if (status.lastError && failedAt && failedAt >= entry.publishedAt) {
    return withHref({
      tone: 'danger',
      headline: 'Not live: the build failed',
      detail: `${status.lastError.message.split('\n')[0]}. The site still shows the previous version.`,
    });
  }
  return withHref(
    only({
      tone: 'warning',
      headline: 'Waiting for the next build',
      detail: join('The site does not show this version yet.', pending),
    }),
  );
}
