import type { Core } from '@strapi/strapi';
import { contentTypeDefinitions } from '../strapi/internals';
import { normalizeSitePath, REDIRECT_UID } from '../redirects/redirect-rules';
import { docs, isLivePage, type Doc } from '../redirects/register-redirects';
import { entryModelOf, entryPath, FAQ_PATH } from '../redirects/site-paths';
import {
  entryDisplayName,
  findLinkingEntries,
  pathsGoneWith,
  type GoneTarget,
  type MarkdownEntry,
} from './incoming-links';
import type { IncomingLinks, LinkingEntry } from './incoming-links-response';

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
  const target: GoneTarget = { paths: pathsGoneWith(path, { model: 'redirect', documentId }, others) };
  const linkedFrom = findLinkingEntries(target, await publishedMarkdown(strapi, types), {
    uid: REDIRECT_UID,
    documentId,
  });
  return { name: `The redirect from ${path}`, path, linkedFrom };
}

async function publishedMarkdown(strapi: Core.Strapi, types: Map<string, MarkdownType>): Promise<MarkdownEntry[]> {
  const entries: MarkdownEntry[] = [];
  for (const [uid, { markdown, names }] of types) {
    const published: Doc[] = await docs(strapi, uid).findMany({
      status: 'published',
      fields: [...markdown, ...names],
      limit: -1,
    });
    for (const doc of published) {
      entries.push({
        uid,
        documentId: doc.documentId,
        name: entryDisplayName(doc),
        markdown: Object.fromEntries(markdown.map((field) => [field, doc[field]])),
      });
    }
  }
  return entries;
}

/**
 * The published entry `documentId` of `uid` as links see it: its name, the page that would leave
 * the site with it, and the published entries whose Markdown links there (or to an old address
 * that redirects to it). Null when nothing linkable goes: a type without pages, an entry never
 * published or without a slug.
 */
export async function loadIncomingLinks(
  strapi: Core.Strapi,
  types: Map<string, MarkdownType>,
  uid: string,
  documentId: string,
): Promise<(IncomingLinks & { name: string }) | null> {
  if (!hasLinkablePage(uid)) return null;
  if (uid === REDIRECT_UID) return loadRedirectIncomingLinks(strapi, types, documentId);
  const [published] = await docs(strapi, uid).findMany({ filters: { documentId }, status: 'published', limit: 1 });
  const slug = published?.slug;
  if (!published || typeof slug !== 'string' || slug === '') return null;
  const model = entryModelOf(uid);
  let target: GoneTarget;
  let path: string;
  if (model) {
    path = entryPath(model, slug);
    const redirects = await docs(strapi, REDIRECT_UID).findMany({
      status: 'published',
      fields: ['fromPath', 'httpStatus', 'targetType', 'targetDocumentId', 'targetPath'],
      limit: -1,
    });
    target = { paths: pathsGoneWith(path, { model, documentId }, redirects) };
  } else {
    path = `${FAQ_PATH}#${encodeURIComponent(slug)}`;
    return {
      name: entryDisplayName(published),
      path,
      linkedFrom: await loadLinksToFaqAnchor(strapi, types, documentId, slug),
    };
  }
  const linkedFrom = findLinkingEntries(target, await publishedMarkdown(strapi, types), { uid, documentId });
  return { name: entryDisplayName(published), path, linkedFrom };
}

/**
 * The published entries whose Markdown links to `/faq/#slug` (on any FAQ page), other than the
 * FAQ `documentId` itself, each with the labels of the fields that do.
 */
export async function loadLinksToFaqAnchor(
  strapi: Core.Strapi,
  types: Map<string, MarkdownType>,
  documentId: string,
  slug: string,
): Promise<LinkingEntry[]> {
  const target: GoneTarget = { paths: new Set(), faqAnchor: slug };
  return findLinkingEntries(target, await publishedMarkdown(strapi, types), { uid: FAQ_UID, documentId });
}
