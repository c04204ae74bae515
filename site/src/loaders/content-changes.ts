/**
 * What the publisher knows changed since the content it last built, and what each collection
 * must therefore fetch again. A publish names its document (the webhook's `entry.documentId`):
 * the publisher's build worker hands the documents of the events it builds to the loaders on
 * `globalThis` (scripts/src/publisher/build/reusable-astro-build.mjs, only when it renders with
 * the store of its last build), and each loader then fetches those documents alone, keeps a
 * collection nothing touched, or fetches everything when it cannot be sure. Without the holder
 * (`astro build`, a worker's full build, a preview, a media or bulk event) everything is fetched.
 */
import { contentTypes, type ContentTypeKey } from '@clinic/shared-types';

/** The holder's registered symbol: the same as CONTENT_CHANGES_KEY in reusable-astro-build.mjs. */
export const CONTENT_CHANGES_KEY = Symbol.for('@clinic/site:content-changes');

/** Changed documentIds by the Strapi model's singular name: `{ faq: ['abc123'] }`. */
export type ContentChanges = Readonly<Record<string, readonly string[]>>;

/**
 * The models whose fields a collection's entries carry through populated relations (one level
 * deep, see `contentTypes[...].populate`): a change to one of them changes these entries too,
 * though their own documents are untouched. A test checks this against the CMS's schemas.
 */
export const POPULATED_MODELS: Readonly<Record<ContentTypeKey, readonly string[]>> = {
  conditions: ['treatment-modality', 'program-level'],
  facility: [],
  faqs: ['program-level'],
  'program-levels': ['treatment-modality', 'condition', 'faq'],
  redirects: [],
  'treatment-modalities': ['program-level', 'condition'],
};

const knownModels: ReadonlySet<string> = new Set(Object.values(contentTypes).map((type) => type.singularName));

/** The changes the worker announced, or undefined (fetch everything) when there are none or they do not read right. */
export function readContentChanges(): ContentChanges | undefined {
  const value = (globalThis as { [CONTENT_CHANGES_KEY]?: unknown })[CONTENT_CHANGES_KEY];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const changes: Record<string, readonly string[]> = {};
  for (const [model, ids] of Object.entries(value)) {
    if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string' && id !== '')) return undefined;
    changes[model] = ids;
  }
  return changes;
}

/** What one collection fetches for a build. */
export type LoadPlan =
  { kind: 'everything' } | { kind: 'keep' } | { kind: 'documents'; documentIds: readonly string[] };

/**
 * Everything without changes, for a model the site does not know (safer than a guess), for a
 * single type, and for a collection whose populated relations reach a changed model; only the
 * changed documents of a collection whose own documents alone changed; nothing for the rest.
 */
export function planLoad(contentType: ContentTypeKey, changes: ContentChanges | undefined): LoadPlan {
  if (changes === undefined) return { kind: 'everything' };
  const changed = Object.keys(changes).filter((model) => (changes[model]?.length ?? 0) > 0);
  if (changed.some((model) => !knownModels.has(model))) return { kind: 'everything' };
  if (changed.some((model) => POPULATED_MODELS[contentType].includes(model))) return { kind: 'everything' };
  const type = contentTypes[contentType];
  const own = changes[type.singularName] ?? [];
  if (own.length === 0) return { kind: 'keep' };
  if (type.kind === 'singleType') return { kind: 'everything' };
  return { kind: 'documents', documentIds: [...new Set(own)] };
}
