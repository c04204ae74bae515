import type { Core } from '@strapi/strapi';
import { throwFieldProblems } from '../redirects/register-redirects';
import { describeFaqRenameRefusal, findFaqRename } from './faq-renames';
import { FAQ_UID, loadFaqAnchors, loadLinksToFaqAnchors, type MarkdownType } from './load-incoming-links';
import { findLocaleVersions } from './locale-versions';

/**
 * Links never break by renaming an FAQ: publishing an FAQ version under a slug other than its
 * published one is refused while other published entries link to its old anchor (`/faq/#old-slug`
 * on any FAQ page, `/es/faq/#old-slug` for the Spanish version, or a link the site sends there;
 * see `faqAnchorAnswers`), since an anchor cannot redirect the way an old page does. Each version
 * the publish names (`params.locale`, see `findLocaleVersions`) is checked in its own edition.
 * The refusal is shown under the Slug field, names the linking entries and fields, and says how
 * to get there. `types` are the content types whose Markdown is read (`markdownTypes`).
 */
export function registerFaqRenameCheck(strapi: Core.Strapi, types: Map<string, MarkdownType>): void {
  strapi.documents.use(async (context, next) => {
    const params = context.params as { documentId?: string; locale?: unknown };
    if (context.uid !== FAQ_UID || context.action !== 'publish' || !params.documentId) return next();
    const documentId = params.documentId;
    const published = await findLocaleVersions(strapi, FAQ_UID, documentId, params.locale, 'published');
    const drafts = await findLocaleVersions(strapi, FAQ_UID, documentId, params.locale, 'draft');
    const renames = drafts.flatMap(({ locale, doc }) => {
      const rename = findFaqRename(published.find((version) => version.locale === locale)?.doc, doc, locale);
      return rename ? [rename] : [];
    });
    if (renames.length === 0) return next();
    const before = await loadFaqAnchors(strapi);
    const problems = [];
    for (const rename of renames) {
      // Another published FAQ of the edition under the old slug keeps the anchor answering.
      const after = [
        ...before.filter((anchor) => !(anchor.documentId === documentId && anchor.locale === rename.locale)),
        { documentId, locale: rename.locale, slug: rename.newSlug },
      ];
      const self = { uid: FAQ_UID, documentId, locales: new Set([rename.locale]) };
      const linkedFrom = await loadLinksToFaqAnchors(strapi, types, self, before, after);
      if (linkedFrom.length > 0)
        problems.push({ path: ['slug'], message: describeFaqRenameRefusal(rename, linkedFrom) });
    }
    if (problems.length > 0) throwFieldProblems(problems);
    return next();
  });
}
