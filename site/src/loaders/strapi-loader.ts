import type { Loader } from 'astro/loaders';
import type { ZodIssue } from 'zod';
import { contentTypes, type ContentTypeKey } from '@clinic/shared-types';
import { cmsLocaleOf, defaultLang, isLang, langs, type Lang } from '../i18n/lang.ts';
import { planLoad, readContentChanges } from './content-changes.ts';
import { ContentValidationError, type InvalidEntry } from './errors.ts';
import { findUndescribedImages } from './image-descriptions.ts';
import { describeRequest, fetchCollection, fetchSingle, type StrapiClientConfig } from './strapi-client.ts';

export interface StrapiLoaderOptions {
  /**
   * The content type to load: its REST path segment, a key of `contentTypes` in
   * `@clinic/shared-types` (`'program-levels'`, `'faqs'`, `'facility'`...). It decides the
   * URL, the populate, and the schema every entry is validated with.
   */
  contentType: ContentTypeKey;
  /**
   * Base URL of the CMS, without `/api`.
   * @default process.env.CMS_URL, else 'http://localhost:1337'
   */
  url?: string | undefined;
  /**
   * Read-only API token, sent as `Authorization: Bearer <token>`. The CMS writes one to
   * `DATA_DIR/secrets.env` on its first run.
   * @default process.env.CMS_TOKEN
   */
  token?: string | undefined;
  /**
   * Entries per request. Strapi clamps anything larger to its `maxLimit` (100 here).
   * @default 100
   */
  pageSize?: number | undefined;
  /**
   * Pages fetched at the same time once page 1 has said how many there are.
   * @default 4
   */
  concurrency?: number | undefined;
  /**
   * Extra attempts per request after network errors, timeouts, 5xx and 429. 4xx are never retried.
   * @default 4
   */
  retries?: number | undefined;
  /**
   * Delay before the first retry in ms, doubled for each further one (0.5 s, 1 s, 2 s, 4 s).
   * @default 500
   */
  retryBaseDelayMs?: number | undefined;
  /**
   * Time limit of one attempt in ms.
   * @default 30000
   */
  timeoutMs?: number | undefined;
  /**
   * The fetch implementation, for tests or a proxy.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch | undefined;
}

/**
 * Set to `1` by the site's type check (`npm run typecheck -w site`): `astro check` syncs the
 * content layer, but the types it checks come from the collections' schemas, not their data,
 * so the loaders leave the store alone and no CMS is needed to type-check.
 */
export const TYPECHECK_ONLY_ENV = 'SITE_TYPECHECK_ONLY';

/** Id under which a single type's only entry is stored: `getEntry('facility', 'facility')`. */
export function singleTypeEntryId(contentType: ContentTypeKey): string {
  return contentType;
}

/** Names of the languages in the messages editors read (the admin is in English). */
const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', es: 'Spanish' };

/**
 * The id an entry is stored under: English keeps the bare id (the `documentId`, or the single
 * type's key) as before the Spanish edition; another language prefixes its code, so both
 * versions of a document live side by side in one collection: `abc123`, `es/abc123`,
 * `facility`, `es/facility`. Entries of types without i18n are stored as English.
 */
export function localizedEntryId(lang: Lang, id: string): string {
  return lang === defaultLang ? id : `${lang}/${id}`;
}

/** The language of a stored entry, read from its id (see `localizedEntryId`). */
export function langOfEntryId(id: string): Lang {
  const prefix = id.slice(0, id.indexOf('/'));
  return isLang(prefix) && prefix !== defaultLang ? prefix : defaultLang;
}

/** What one locale of a content type returned, before validation. */
interface FetchedLocale {
  /** The language asked for; undefined for a type without i18n. */
  lang: Lang | undefined;
  raw: { id: string; entry: unknown }[];
  requests: number;
}

/**
 * An Astro Content Layer loader for one Strapi 5 content type. Collection types load
 * every page, keyed by `documentId`; a single type is one entry keyed by its REST key.
 * A localized type is fetched once per language (`?locale=en`, `?locale=es`) and both are
 * stored in the one collection, the Spanish under `es/<id>` (see `localizedEntryId`); a
 * missing translation is simply absent. Each load replaces the collection, so unpublished
 * and deleted entries disappear. Failures throw the errors of `./errors.ts`, which fail the build.
 */
export function strapiLoader(options: StrapiLoaderOptions): Loader {
  const { contentType } = options;
  const type = contentTypes[contentType];
  return {
    name: 'strapi-loader',
    schema: type.schema,
    load: async (context) => {
      // parseData and generateDigest are declared as methods: call them on the context.
      const { store, logger } = context;
      if (process.env[TYPECHECK_ONLY_ENV] === '1') {
        logger.info(`${contentType}: not loaded (${TYPECHECK_ONLY_ENV}=1, type check only)`);
        return;
      }
      // Read at load time, not config time, so the environment of the build is what counts.
      const config: StrapiClientConfig = {
        url: options.url ?? (process.env.CMS_URL || 'http://localhost:1337'),
        token: options.token ?? (process.env.CMS_TOKEN || undefined),
        retries: options.retries ?? 4,
        retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
        timeoutMs: options.timeoutMs ?? 30_000,
        fetch: options.fetch ?? globalThis.fetch,
        onRetry: (message) => logger.warn(message),
      };
      // In a publisher's re-render, the documents its events named (see content-changes.ts).
      const plan = planLoad(contentType, readContentChanges());
      if (plan.kind === 'keep') {
        logger.info(`${contentType}: unchanged, ${store.keys().length} entries kept`);
        return;
      }
      const documentIds = plan.kind === 'documents' ? plan.documentIds : undefined;

      const fetchLocale = async (lang: Lang | undefined): Promise<FetchedLocale> => {
        const locale = lang === undefined ? undefined : cmsLocaleOf[lang];
        const storedId = (id: string) => localizedEntryId(lang ?? defaultLang, id);
        if (type.kind === 'singleType') {
          const result = await fetchSingle(config, contentType, type.populate, locale);
          if (result.data !== null) {
            return {
              lang,
              raw: [{ id: storedId(singleTypeEntryId(contentType)), entry: result.data }],
              requests: result.requests,
            };
          }
          if (lang !== undefined && lang !== defaultLang) {
            // A translation not (yet) published is absent; the pages of that language say so if they need it.
            logger.warn(
              `${contentType}: no published ${LANGUAGE_NAMES[lang]} version (${describeRequest(contentType, locale)} returned nothing).`,
            );
            return { lang, raw: [], requests: result.requests };
          }
          throw new ContentValidationError(
            contentType,
            [],
            `${contentType} is not published: ${describeRequest(contentType, locale)} at CMS_URL=${config.url} returned nothing. ` +
              `Publish it in the CMS admin (Content Manager, ${type.singularName}, Publish).`,
          );
        }
        const result = await fetchCollection(config, contentType, type.populate, {
          pageSize: options.pageSize ?? 100,
          concurrency: options.concurrency ?? 4,
          locale,
          documentIds,
        });
        // Keyed by documentId: an entry seen twice (content moved between pages) is stored once.
        const byId = new Map(result.data.map((entry, index) => [documentIdOf(entry) ?? `#${index + 1}`, entry]));
        if (documentIds && [...byId.keys()].some((id) => !documentIds.includes(id))) {
          throw new ContentValidationError(
            contentType,
            [],
            `${contentType}: the CMS answered a request for ${documentIds.length} documents by id with others; is the documentId filter supported?`,
          );
        }
        if (byId.size !== result.total) {
          logger.warn(
            `${contentType}${lang === undefined ? '' : ` (${LANGUAGE_NAMES[lang]})`}: the CMS announced ${result.total} entries but returned ${byId.size}; ` +
              'content changed during the fetch, and the publish that changed it starts another build.',
          );
        }
        return { lang, raw: [...byId].map(([id, entry]) => ({ id: storedId(id), entry })), requests: result.requests };
      };

      // Settled, not raced: a failed language never leaves the other's requests running on.
      const settled = await Promise.allSettled((type.localized ? [...langs] : [undefined]).map(fetchLocale));
      const failed = settled.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      const fetched = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));

      // Validate everything before touching the store, so a bad entry leaves the last good
      // content in place (in dev) and the error lists every bad entry, of every language, at once.
      const invalid: InvalidEntry[] = [];
      const valid: { id: string; entry: Record<string, unknown> }[] = [];
      for (const { lang, raw } of fetched) {
        for (const { id, entry } of raw) {
          const result = type.schema.safeParse(entry);
          const issues = result.success
            ? [...findUndescribedImages(entry), ...findWrongLocale(entry, lang)]
            : result.error.issues;
          if (issues.length === 0) valid.push({ id, entry: entry as Record<string, unknown> });
          else
            invalid.push({
              label: labelOf(entry, id),
              documentId: documentIdOf(entry),
              language: lang === undefined ? undefined : `${LANGUAGE_NAMES[lang]} version, locale ${cmsLocaleOf[lang]}`,
              issues: issues.map((issue) => ({ ...issue, path: readablePath(entry, issue.path) })),
            });
        }
      }
      if (invalid.length > 0) throw new ContentValidationError(contentType, invalid);

      // The raw entry goes to parseData, not zod's output: the collection's own schema may
      // transform, and transforming twice is not safe.
      const parsed = await Promise.all(
        valid.map(async ({ id, entry }) => ({ id, entry, data: await context.parseData({ id, data: entry }) })),
      );
      if (documentIds) {
        // Those documents' versions go, in every language; what is still published comes back.
        for (const { lang } of fetched)
          for (const id of documentIds) store.delete(localizedEntryId(lang ?? defaultLang, id));
      } else store.clear();
      for (const { id, entry, data } of parsed) store.set({ id, data, digest: context.generateDigest(entry) });
      const requests = fetched.reduce((sum, { requests }) => sum + requests, 0);
      const counts = type.localized
        ? ` (${fetched.map(({ lang, raw }) => `${raw.length} ${lang ?? ''}`).join(', ')})`
        : '';
      logger.info(
        documentIds
          ? `${contentType}: ${parsed.length} entries${counts} of ${documentIds.length} changed document(s) in ${requests} request(s), ${store.keys().length} in all`
          : `${contentType}: ${parsed.length} entries${counts} in ${requests} request(s)`,
      );
    },
  };
}

/**
 * Strapi answers a locale it does not know, or a type whose i18n is off, in its default locale:
 * an entry of another locale than the one asked for must never be stored as that language.
 */
function findWrongLocale(entry: unknown, lang: Lang | undefined): ZodIssue[] {
  if (lang === undefined || !isRecord(entry) || entry.locale === cmsLocaleOf[lang]) return [];
  return [
    {
      code: 'custom',
      path: ['locale'],
      message: `the CMS returned the ${String(entry.locale)} version when asked for ${cmsLocaleOf[lang]}: is the ${cmsLocaleOf[lang]} locale set up in the CMS (Settings, Internationalization)?`,
    },
  ];
}

function documentIdOf(entry: unknown): string | undefined {
  const value = isRecord(entry) ? entry.documentId : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** How an editor finds the entry in the CMS: its slug, else its question, else its documentId. */
function labelOf(entry: unknown, fallback: string): string {
  if (!isRecord(entry)) return fallback;
  for (const key of ['slug', 'question', 'name', 'documentId']) {
    const value = entry[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return fallback;
}

/**
 * The issue's path with each related entry named as an editor finds it: a modality whose linked
 * level has an empty summary reads `programLevels[intensive-outpatient-program].summary`, not
 * `programLevels.2.summary` (the editor fixes the level, not the modality).
 */
function readablePath(entry: unknown, path: readonly (string | number)[]): (string | number)[] {
  const readable: (string | number)[] = [];
  let at: unknown = entry;
  for (const segment of path) {
    const next: unknown = Array.isArray(at) ? at[Number(segment)] : isRecord(at) ? at[segment] : undefined;
    const previous = readable.at(-1);
    if (typeof segment === 'number' && typeof previous === 'string' && isRecord(next)) {
      const label = labelOf(next, String(segment));
      readable[readable.length - 1] = `${previous}[${label}]`;
    } else readable.push(segment);
    at = next;
  }
  return readable;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
