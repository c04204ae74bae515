import type { Core } from '@strapi/strapi';
import { fieldLabel } from '../bootstrap/field-label';
import { REDIRECT_UID } from '../redirects/redirect-rules';
import { docs, throwFieldProblems, type Doc } from '../redirects/register-redirects';
import { ENTRY_MODELS, entryModelOf, entryPath, entryUid, localizedPath, ROOT_LOCALE } from '../redirects/site-paths';
import { faqAnchorsOf } from './incoming-links';
import { describeBrokenLink, extractLinkTargets, knownPages, type KnownPaths } from './internal-links';
import { FAQ_UID, loadFaqAnchors, markdownTypes } from './load-incoming-links';
import { findLocaleVersions, findPublishedEverywhere, type LocaleVersion } from './locale-versions';
import { registerFaqRenameCheck } from './register-faq-rename-check';
import { registerTakedownCheck } from './register-takedown-check';

async function findMany(strapi: Core.Strapi, uid: string, params: Record<string, unknown>): Promise<Doc[]> {
  return docs(strapi, uid).findMany(params);
}

/**
 * What the site will link to once `publishing` is live: the fixed pages of every edition, every
 * published version's page in its edition, the new pages of the versions being published,
 * published 301/302 sources, and each edition's FAQ anchors.
 */
async function loadKnownPaths(
  strapi: Core.Strapi,
  publishing: { uid: string; documentId: string; drafts: readonly LocaleVersion[] },
): Promise<KnownPaths> {
  const entryPages: string[] = [];
  for (const model of ENTRY_MODELS) {
    for (const { locale, doc } of await findPublishedEverywhere(strapi, entryUid(model), ['slug'])) {
      if (typeof doc.slug === 'string') entryPages.push(localizedPath(locale, entryPath(model, doc.slug)));
    }
  }
  const model = entryModelOf(publishing.uid);
  for (const { locale, doc } of publishing.drafts) {
    if (model && typeof doc.slug === 'string') entryPages.push(localizedPath(locale, entryPath(model, doc.slug)));
  }
  const redirects = await findMany(strapi, REDIRECT_UID, {
    status: 'published',
    fields: ['fromPath', 'httpStatus'],
    filters: { httpStatus: { $ne: 'gone-410' } },
    limit: -1,
  });
  let anchors = await loadFaqAnchors(strapi);
  if (publishing.uid === FAQ_UID) {
    // An FAQ version being published answers at its new anchor only: a link in its own answer to
    // its old one would break with this publish.
    const locales = new Set(publishing.drafts.map((draft) => draft.locale));
    anchors = [
      ...anchors.filter((anchor) => !(anchor.documentId === publishing.documentId && locales.has(anchor.locale))),
      ...publishing.drafts.flatMap(({ locale, doc }) =>
        typeof doc.slug === 'string' ? [{ documentId: doc.documentId, locale, slug: doc.slug }] : [],
      ),
    ];
  }
  return {
    pages: knownPages(entryPages),
    redirects: new Set(redirects.map((r) => r.fromPath).filter((p): p is string => typeof p === 'string')),
    faqAnchors: faqAnchorsOf(anchors),
  };
}

/** How a field is named in a refusal: its label, and the version's language when a publish names several. */
function fieldName(field: string, locale: string, several: boolean): string {
  return several && locale !== ROOT_LOCALE ? `${fieldLabel(field)} (${locale})` : fieldLabel(field);
}

/**
 * Links in editors' Markdown never break:
 * - publishing an entry whose Markdown links to a page of the site that does not exist (and is
 *   no redirect), or to an FAQ anchor no published FAQ has, is refused; the error names the
 *   field and the link, so the editor fixes it before a visitor finds it. Each version the
 *   publish names (one locale, several from the admin's bulk publish, all, or the default) is
 *   checked as its own edition links: a Spanish body may link Spanish pages and anchors, and
 *   English pages, which the site points at their Spanish versions (see `describeBrokenLink`);
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
    const params = context.params as { documentId?: string; locale?: unknown };
    if (!fields || context.action !== 'publish' || !params.documentId) return next();
    const drafts = await findLocaleVersions(strapi, context.uid, params.documentId, params.locale, 'draft');
    const links = drafts.flatMap(({ locale, doc }) =>
      fields.flatMap((field) => {
        const value = doc[field];
        return typeof value === 'string' ? extractLinkTargets(value).map((href) => ({ locale, field, href })) : [];
      }),
    );
    if (!links.some(({ href }) => href.trim().startsWith('/'))) return next();
    const known = await loadKnownPaths(strapi, { uid: context.uid, documentId: params.documentId, drafts });
    const several = drafts.length > 1;
    const problems = links.flatMap(({ locale, field, href }) => {
      const reason = describeBrokenLink(href, locale, known);
      return reason ? [{ path: [field], message: `${fieldName(field, locale, several)}: broken link ${reason}` }] : [];
    });
    if (problems.length > 0) throwFieldProblems(problems);
    return next();
  });
}
