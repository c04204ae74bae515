import type { Core } from '@strapi/strapi';
import { contentTypeDefinitions } from '../strapi/internals';
import { normalizeSitePath, REDIRECT_UID } from '../redirects/redirect-rules';
import { docs, isLivePage } from '../redirects/register-redirects';
import { entryModelOf, entryPath, FAQ_PATH, localizedPath } from '../redirects/site-paths';
import {
  entryDisplayName,
  faqAnchorsOf,
  findLinkingEntries,
  pathsGoneWith,
  type FaqAnchor,
  type GoingVersions,
  type GoneTarget,
  type MarkdownEntry,
} from './incoming-links';
import type { IncomingLinks, LinkingEntry } from './incoming-links-response';
import { findLocaleVersions, findPublishedEverywhere } from './locale-versions';

export const FAQ_UID = 'api::faq.faq';

/** The fields that name an entry, read with its Markdown. */
const NAME_FIELDS = ['name', 'title', 'question'];

/** A content type's Markdown (`richtext`) fields and the fields that name its entries. */
export interface MarkdownType {
  markdown: string[];
  names: string[];
}

/** Our content types with Markdown fields, by uid: the ones whose links the site renders. */
export function markdownTypes(strapi: Core.Strapi): Map<string, MarkdownType> {
  const types = new Map<string, MarkdownType>();
  for (const [uid, contentType] of Object.entries(contentTypeDefinitions(strapi))) {
    if (!uid.startsWith('api::')) continue;
    const attributes = Object.entries(contentType.attributes);
    const markdown = attributes.filter(([, attr]) => attr.type === 'richtext').map(([name]) => name);
    const names = NAME_FIELDS.filter((name) => name in contentType.attributes);
    if (markdown.length > 0) types.set(uid, { markdown, names });
  }
  return types;
}

/** Whether entries of `uid` have a page (or an FAQ anchor) that links can reach. */
export function hasLinkablePage(uid: string): boolean {
  return uid === FAQ_UID || uid === REDIRECT_UID || entryModelOf(uid) !== undefined;
}

const REDIRECT_FIELDS = ['fromPath', 'httpStatus', 'targetType', 'targetDocumentId', 'targetPath'];

/**
 * A published 301/302 as links see it: a link to its From path arrives only while it is
 * published (as do links to redirects that lead to it). A 410 takes no link anywhere.
 */
async function loadRedirectIncomingLinks(
  strapi: Core.Strapi,
  types: Map<string, MarkdownType>,
  documentId: string,
): Promise<(IncomingLinks & { name: string }) | null> {
  const [redirect] = await docs(strapi, REDIRECT_UID).findMany({
    filters: { documentId },
    status: 'published',
    fields: REDIRECT_FIELDS,
    limit: 1,
  });
  const path = typeof redirect?.fromPath === 'string' ? normalizeSitePath(redirect.fromPath) : null;
  if (!redirect || !path || redirect.httpStatus === 'gone-410') return null;
  // A page that lives at the address again takes its links (publishing one removes its redirect).
  if (await isLivePage(strapi, path)) return { name: `The redirect from ${path}`, path, linkedFrom: [] };
  const others = (
    await docs(strapi, REDIRECT_UID).findMany({ status: 'published', fields: REDIRECT_FIELDS, limit: -1 })
  ).filter((r) => r.documentId !== documentId);
  const target: GoneTarget = { paths: pathsGoneWith([path], { model: 'redirect', documentId }, others) };
  // Redirects have no locale: the one version is the root edition's.
  const linkedFrom = findLinkingEntries(target, await publishedMarkdown(strapi, types), {
    uid: REDIRECT_UID,
    documentId,
    locales: new Set(),
  });
  return { name: `The redirect from ${path}`, path, linkedFrom };
}

/** Every published version's Markdown, in every edition. */
async function publishedMarkdown(strapi: Core.Strapi, types: Map<string, MarkdownType>): Promise<MarkdownEntry[]> {
  const entries: MarkdownEntry[] = [];
  for (const [uid, { markdown, names }] of types) {
    for (const { locale, doc } of await findPublishedEverywhere(strapi, uid, [...markdown, ...names])) {
      entries.push({
        uid,
        documentId: doc.documentId,
        locale,
        name: entryDisplayName(doc),
        markdown: Object.fromEntries(markdown.map((field) => [field, doc[field]])),
      });
    }
  }
  return entries;
}

/** Every published FAQ version's anchor. */
export async function loadFaqAnchors(strapi: Core.Strapi): Promise<FaqAnchor[]> {
  return (await findPublishedEverywhere(strapi, FAQ_UID, ['slug'])).flatMap(({ locale, doc }) =>
    typeof doc.slug === 'string' && doc.slug !== '' ? [{ documentId: doc.documentId, locale, slug: doc.slug }] : [],
  );
}

/**
 * The published versions of entry `documentId` of `uid` in the locales a takedown names
 * (`locale` as the document service's `unpublish` and `delete` take it; see
 * `findLocaleVersions`) as links see them: the name of the first, the page that would leave the
 * site with it (`/es/programs/x/` for a Spanish version), and the published entries of either
 * language whose Markdown links there (or to an old address that redirects only to it). Null
 * when nothing linkable goes: a type without pages, a version never published or without a slug.
 */
export async function loadIncomingLinks(
  strapi: Core.Strapi,
  types: Map<string, MarkdownType>,
  uid: string,
  documentId: string,
  locale?: unknown,
): Promise<(IncomingLinks & { name: string }) | null> {
  if (!hasLinkablePage(uid)) return null;
  if (uid === REDIRECT_UID) return loadRedirectIncomingLinks(strapi, types, documentId);
  const going = (await findLocaleVersions(strapi, uid, documentId, locale, 'published')).filter(
    ({ doc }) => typeof doc.slug === 'string' && doc.slug !== '',
  );
  const [first] = going;
  if (!first) return null;
  const self: GoingVersions = { uid, documentId, locales: new Set(going.map((version) => version.locale)) };
  const model = entryModelOf(uid);
  if (!model) {
    const anchors = await loadFaqAnchors(strapi);
    const left = anchors.filter((anchor) => !(anchor.documentId === documentId && self.locales.has(anchor.locale)));
    return {
      name: entryDisplayName(first.doc),
      path: `${localizedPath(first.locale, FAQ_PATH)}#${encodeURIComponent(String(first.doc.slug))}`,
      linkedFrom: await loadLinksToFaqAnchors(strapi, types, self, anchors, left),
    };
  }
  const pages = going.map(({ locale: versionLocale, doc }) =>
    localizedPath(versionLocale, entryPath(model, String(doc.slug))),
  );
  const remainingLocales = new Set(
    (await findLocaleVersions(strapi, uid, documentId, '*', 'published'))
      .map((version) => version.locale)
      .filter((versionLocale) => !self.locales.has(versionLocale)),
  );
  const redirects = await docs(strapi, REDIRECT_UID).findMany({
    status: 'published',
    fields: REDIRECT_FIELDS,
    limit: -1,
  });
  const target: GoneTarget = { paths: pathsGoneWith(pages, { model, documentId, remainingLocales }, redirects) };
  const linkedFrom = findLinkingEntries(target, await publishedMarkdown(strapi, types), self);
  return { name: entryDisplayName(first.doc), path: pages[0] ?? null, linkedFrom };
}

/**
 * The published entries of either language whose Markdown links to an FAQ anchor that answers
 * with the FAQ anchors `before` and not with those `after` (an FAQ version unpublished, or
 * published under a new slug), other than the FAQ versions that change (`self`), each with the
 * labels of the fields that do.
 */
export async function loadLinksToFaqAnchors(
  strapi: Core.Strapi,
  types: Map<string, MarkdownType>,
  self: GoingVersions,
  before: readonly FaqAnchor[],
  after: readonly FaqAnchor[],
): Promise<LinkingEntry[]> {
  const target: GoneTarget = {
    paths: new Set(),
    faqAnchors: { before: faqAnchorsOf(before), after: faqAnchorsOf(after) },
  };
  return findLinkingEntries(target, await publishedMarkdown(strapi, types), self);
}
