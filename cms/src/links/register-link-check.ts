import type { Core } from '@strapi/strapi';
import { fieldLabel } from '../bootstrap/field-label';
import { REDIRECT_UID } from '../redirects/redirect-rules';
import { docs, throwFieldProblems, type Doc } from '../redirects/register-redirects';
import { ENTRY_MODELS, entryModelOf, entryPath, entryUid } from '../redirects/site-paths';
import { describeBrokenLink, extractLinkTargets, knownPages, type KnownPaths } from './internal-links';
import { FAQ_UID, markdownTypes } from './load-incoming-links';
import { registerFaqRenameCheck } from './register-faq-rename-check';
import { registerTakedownCheck } from './register-takedown-check';

async function findMany(strapi: Core.Strapi, uid: string, params: Record<string, unknown>): Promise<Doc[]> {
  return docs(strapi, uid).findMany(params);
}

/**
 * What the site will link to once `publishing` is live: the fixed pages, every published
 * entry's page, the entry's own new page, published 301/302 sources and FAQ anchors.
 */
async function loadKnownPaths(strapi: Core.Strapi, publishing: { uid: string; draft: Doc }): Promise<KnownPaths> {
  const entryPaths: string[] = [];
  for (const model of ENTRY_MODELS) {
    const published = await findMany(strapi, entryUid(model), { status: 'published', fields: ['slug'], limit: -1 });
    for (const entry of published) if (typeof entry.slug === 'string') entryPaths.push(entryPath(model, entry.slug));
  }
  const model = entryModelOf(publishing.uid);
  if (model && typeof publishing.draft.slug === 'string') entryPaths.push(entryPath(model, publishing.draft.slug));
  const redirects = await findMany(strapi, REDIRECT_UID, {
    status: 'published',
    fields: ['fromPath', 'httpStatus'],
    filters: { httpStatus: { $ne: 'gone-410' } },
    limit: -1,
  });
  const faqs = await findMany(strapi, FAQ_UID, { status: 'published', fields: ['slug'], limit: -1 });
  // An FAQ being published answers at its new anchor only: a link in its own answer to its old
  // one would break with this publish.
  const publishingFaq = publishing.uid === FAQ_UID;
  const faqAnchors = new Set(
    faqs
      .filter((faq) => !(publishingFaq && faq.documentId === publishing.draft.documentId))
      .map((faq) => faq.slug)
      .filter((slug): slug is string => typeof slug === 'string'),
  );
  if (publishingFaq && typeof publishing.draft.slug === 'string') faqAnchors.add(publishing.draft.slug);
  return {
    pages: knownPages(entryPaths),
    redirects: new Set(redirects.map((r) => r.fromPath).filter((p): p is string => typeof p === 'string')),
    faqAnchors,
  };
}

/**
 * Links in editors' Markdown never break:
 * - publishing an entry whose Markdown links to a page of the site that does not exist (and is
 *   no redirect), or to an FAQ anchor no published FAQ has, is refused; the error names the
 *   field and the link, so the editor fixes it before a visitor finds it;
 * - taking down a page other entries link to is refused (`registerTakedownCheck`);
 * - publishing an FAQ under a new slug while entries link to its old anchor is refused
 *   (`registerFaqRenameCheck`).
 */
export function registerLinkCheck(strapi: Core.Strapi): void {
  const types = markdownTypes(strapi);
  registerTakedownCheck(strapi, types);
  registerFaqRenameCheck(strapi, types);

  strapi.documents.use(async (context, next) => {
    const fields = types.get(context.uid)?.markdown;
    const params = context.params as { documentId?: string };
    if (!fields || context.action !== 'publish' || !params.documentId) return next();
    const [draft] = await findMany(strapi, context.uid, {
      filters: { documentId: params.documentId },
      status: 'draft',
      limit: 1,
    });
    if (!draft) return next();
    const links = fields.flatMap((field) => {
      const value = draft[field];
      return typeof value === 'string' ? extractLinkTargets(value).map((href) => ({ field, href })) : [];
    });
    if (!links.some(({ href }) => href.trim().startsWith('/'))) return next();
    const known = await loadKnownPaths(strapi, { uid: context.uid, draft });
    const problems = links.flatMap(({ field, href }) => {
      const reason = describeBrokenLink(href, known);
      return reason ? [{ path: [field], message: `${fieldLabel(field)}: broken link ${reason}` }] : [];
    });
    if (problems.length > 0) throwFieldProblems(problems);
    return next();
  });
}
