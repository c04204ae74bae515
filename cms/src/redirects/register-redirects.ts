import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  findRedirectProblems,
  MAX_REDIRECTS,
  normalizeSitePath,
  parseAllowedHosts,
  REDIRECT_UID,
  slugTypedFor,
  type FieldProblem,
  type RedirectInput,
} from './redirect-rules';
import {
  ENTRY_MODELS,
  entryModelOf,
  entryPath,
  entryUid,
  isFixedPage,
  localizedPath,
  SITE_LOCALES,
  siteLocaleOf,
  splitLocalePath,
  type EntryModel,
  type SiteLocale,
} from './site-paths';

/** A document with plain fields, as read here. */
export type Doc = Record<string, unknown> & { documentId: string };

/** The document-service calls made here, for a uid known only at run time. */
interface DocumentStore {
  findOne(params: { documentId: string; status: 'draft' | 'published' }): Promise<Doc | null>;
  findMany(params: Record<string, unknown>): Promise<Doc[]>;
  create(params: { data: Record<string, unknown>; status: 'published' }): Promise<unknown>;
  update(params: { documentId: string; data: Record<string, unknown>; status: 'published' }): Promise<unknown>;
  delete(params: { documentId: string }): Promise<unknown>;
  count(params: Record<string, unknown>): Promise<number>;
}

export function docs(strapi: Core.Strapi, uid: string): DocumentStore {
  return strapi.documents(uid as Parameters<Core.Strapi['documents']>[0]);
}

async function findOne(strapi: Core.Strapi, uid: string, documentId: string, status: 'draft' | 'published') {
  return docs(strapi, uid).findOne({ documentId, status });
}

async function findMany(strapi: Core.Strapi, uid: string, params: Record<string, unknown>): Promise<Doc[]> {
  return docs(strapi, uid).findMany(params);
}

/** Throws the admin's validation error: each problem's field is highlighted with its message. */
export function throwFieldProblems(problems: FieldProblem[]): never {
  throw new errors.ValidationError(problems.map((p) => p.message).join('; '), {
    errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
  });
}

/**
 * The published entry whose page is `path` in either edition, with the locale of that version
 * (`/es/programs/<es-slug>/` is the Spanish version's page), or null (fixed pages and other paths).
 */
async function findEntryAt(
  strapi: Core.Strapi,
  path: string,
): Promise<{ model: EntryModel; documentId: string; locale: SiteLocale } | null> {
  const { locale, path: rootPath } = splitLocalePath(path);
  for (const model of ENTRY_MODELS) {
    const prefix = entryPath(model, 'x').slice(0, -'x/'.length);
    if (!rootPath.startsWith(prefix)) continue;
    const rest = rootPath.slice(prefix.length);
    if (!/^[^/]+\/$/.test(rest)) continue;
    const slug = decodeURIComponent(rest.slice(0, -1));
    const [found] = await findMany(strapi, entryUid(model), {
      filters: { slug },
      locale,
      status: 'published',
      fields: ['slug'],
      limit: 1,
    });
    if (found) return { model, documentId: found.documentId, locale };
  }
  return null;
}

/** Whether a normalized path is a page the site publishes now (a fixed page or an entry's, in either edition). */
export async function isLivePage(strapi: Core.Strapi, path: string): Promise<boolean> {
  return isFixedPage(path) || (await findEntryAt(strapi, path)) !== null;
}

/** Redirects from `path`, in any state: a source that is a live page again must not redirect. */
async function removeRedirectsFrom(strapi: Core.Strapi, path: string): Promise<void> {
  const stale = await findMany(strapi, REDIRECT_UID, { filters: { fromPath: path }, fields: ['fromPath'] });
  for (const redirect of stale) await docs(strapi, REDIRECT_UID).delete({ documentId: redirect.documentId });
}

/**
 * Records (or re-points) the permanent redirect from an entry's old page to the entry itself:
 * the target is the document, so a later rename moves every old path along in one hop.
 */
async function recordSlugRedirect(strapi: Core.Strapi, fromPath: string, model: EntryModel, documentId: string) {
  const data = {
    fromPath,
    httpStatus: 'moved-permanently-301',
    targetType: model,
    targetDocumentId: documentId,
    targetPath: null,
    note: 'Recorded by the CMS when the slug changed.',
  };
  const [existing] = await findMany(strapi, REDIRECT_UID, { filters: { fromPath }, fields: ['fromPath'], limit: 1 });
  if (existing) {
    await docs(strapi, REDIRECT_UID).update({ documentId: existing.documentId, data, status: 'published' });
  } else {
    await docs(strapi, REDIRECT_UID).create({ data, status: 'published' });
  }
}

/** Each entry model as the admin's help names it. */
const ENTRY_LABELS: Record<EntryModel, string> = {
  'program-level': 'program level',
  'treatment-modality': 'therapy',
  condition: 'condition',
};

/**
 * The document id of the entry an editor named as a redirect's target: its document id, its
 * slug or its page's address in either edition (published slug first, then a draft's; a bare
 * slug is looked for in English, then Spanish), or null when no entry of `model` answers to it.
 */
async function resolveTargetEntry(strapi: Core.Strapi, model: EntryModel, typed: string): Promise<string | null> {
  const uid = entryUid(model);
  const [byId] = await findMany(strapi, uid, {
    filters: { documentId: typed },
    locale: '*',
    fields: ['slug'],
    limit: 1,
  });
  if (byId) return typed;
  const entry = slugTypedFor(model, typed);
  if (!entry) return null;
  for (const locale of entry.locale ? [entry.locale] : SITE_LOCALES) {
    for (const status of ['published', 'draft'] as const) {
      const [found] = await findMany(strapi, uid, {
        filters: { slug: entry.slug },
        locale,
        status,
        fields: ['slug'],
        limit: 1,
      });
      if (found) return found.documentId;
    }
  }
  return null;
}

/**
 * Checks a redirect as it will be saved: the stored draft merged with the change, `fromPath`
 * normalized in place (leading slash, trailing slash) so the unique index sees one form.
 */
async function validateRedirectWrite(
  strapi: Core.Strapi,
  action: string,
  params: { documentId?: string; data?: Record<string, unknown> },
) {
  const data = params.data ?? {};
  if (typeof data.fromPath === 'string') data.fromPath = normalizeSitePath(data.fromPath) ?? data.fromPath;
  const stored =
    action === 'update' && params.documentId ? await findOne(strapi, REDIRECT_UID, params.documentId, 'draft') : null;
  const pick = (field: keyof RedirectInput): unknown => (field in data ? data[field] : stored?.[field]);
  // An editor who types an entry's page as the target gets the entry: it follows later renames.
  // Only a page of the source's own edition: an entry target goes to the version in the
  // source's language (see `registerRedirects`), and a page of the other stays the address typed.
  const typedPath = typeof data.targetPath === 'string' ? normalizeSitePath(data.targetPath) : null;
  if (typedPath && (pick('targetType') ?? 'path') === 'path') {
    const typedFrom = pick('fromPath');
    const fromLocale = splitLocalePath(
      normalizeSitePath(typeof typedFrom === 'string' ? typedFrom : '/') ?? '/',
    ).locale;
    const entry = await findEntryAt(strapi, typedPath);
    if (entry && entry.locale === fromLocale) {
      data.targetType = entry.model;
      data.targetDocumentId = entry.documentId;
    }
  }
  // An editor who names the target entry by its slug or address gets its document id; an entry
  // that does not exist is refused here rather than skipped by the next build.
  const targetType = pick('targetType');
  const typedEntry = pick('targetDocumentId');
  const entryModel = ENTRY_MODELS.find((model) => model === targetType);
  const entryProblems: FieldProblem[] = [];
  if (
    entryModel &&
    ('targetDocumentId' in data || 'targetType' in data) &&
    typeof typedEntry === 'string' &&
    typedEntry.trim() !== '' &&
    pick('httpStatus') !== 'gone-410'
  ) {
    const documentId = await resolveTargetEntry(strapi, entryModel, typedEntry.trim());
    if (documentId) data.targetDocumentId = documentId;
    else
      entryProblems.push({
        path: ['targetDocumentId'],
        message: `No ${ENTRY_LABELS[entryModel]} has the document id, slug or address "${typedEntry.trim()}": type its slug (its-slug) or its page's address (${entryPath(entryModel, 'its-slug')})`,
      });
  }
  const merged: RedirectInput = {
    fromPath: pick('fromPath'),
    httpStatus: pick('httpStatus'),
    targetType: pick('targetType'),
    targetDocumentId: pick('targetDocumentId'),
    targetPath: pick('targetPath'),
  };
  const fromPath = typeof merged.fromPath === 'string' ? normalizeSitePath(merged.fromPath) : null;
  const live = fromPath ? await isLivePage(strapi, fromPath) : false;
  const problems = findRedirectProblems(merged, {
    isLivePage: () => live,
    allowedHosts: parseAllowedHosts(process.env.REDIRECT_ALLOWED_HOSTS),
  });
  problems.push(...entryProblems);
  if (action === 'create') {
    const count = await docs(strapi, REDIRECT_UID).count({});
    if (count >= MAX_REDIRECTS) {
      problems.push({
        path: ['fromPath'],
        message: `At most ${MAX_REDIRECTS} redirects: delete old ones before adding more`,
      });
    }
  }
  if (problems.length > 0) throwFieldProblems(problems);
}

/**
 * The pages of a document's published versions in the locales a publish names, by locale:
 * `locale` as the document service's `publish` takes it (one locale, several, `'*'` for all,
 * or none for the default), passed on unchanged so exactly the versions it publishes are read.
 * Versions in a locale the site has no edition in are left out.
 */
async function publishedPages(
  strapi: Core.Strapi,
  model: EntryModel,
  documentId: string,
  locale: unknown,
): Promise<Map<SiteLocale, string>> {
  const versions = await findMany(strapi, entryUid(model), {
    filters: { documentId },
    locale,
    status: 'published',
    fields: ['slug', 'locale'],
  });
  const pages = new Map<SiteLocale, string>();
  for (const version of versions) {
    const versionLocale = siteLocaleOf(version);
    if (versionLocale && typeof version.slug === 'string') {
      pages.set(versionLocale, localizedPath(versionLocale, entryPath(model, version.slug)));
    }
  }
  return pages;
}

/**
 * Redirects in the document service, so the admin, the API and the seed all meet them:
 * - a redirect is validated when saved (see `findRedirectProblems`, at most `MAX_REDIRECTS`);
 * - publishing a program level, therapy or condition under a new slug records a 301 from its
 *   previous page to the entry, and removes any redirect from the page it now lives at, in each
 *   locale published: the Spanish version's old page is its `/es/` address. Redirects are not
 *   localized; the site sends one whose source is under `/es/` to the entry's Spanish page (its
 *   English page while no Spanish version is published), every other to the English page.
 */
export function registerRedirects(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const params = context.params as { documentId?: string; locale?: unknown; data?: Record<string, unknown> };
    if (context.uid === REDIRECT_UID && (context.action === 'create' || context.action === 'update')) {
      await validateRedirectWrite(strapi, context.action, params);
      return next();
    }
    const model = entryModelOf(context.uid);
    if (!model || context.action !== 'publish' || !params.documentId) return next();

    const documentId = params.documentId;
    const before = await publishedPages(strapi, model, documentId, params.locale);
    const result = await next();
    const after = await publishedPages(strapi, model, documentId, params.locale);
    for (const [locale, newPath] of after) {
      await removeRedirectsFrom(strapi, newPath);
      const oldPath = before.get(locale);
      // Another entry may hold the old slug by now: its page wins over a redirect.
      if (oldPath && oldPath !== newPath && !(await isLivePage(strapi, oldPath))) {
        await recordSlugRedirect(strapi, oldPath, model, documentId);
      }
    }
    return result;
  });
}
