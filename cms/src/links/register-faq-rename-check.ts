import type { Core } from '@strapi/strapi';
import { docs, throwFieldProblems, type Doc } from '../redirects/register-redirects';
import { describeFaqRenameRefusal, findFaqRename } from './faq-renames';
import { FAQ_UID, loadLinksToFaqAnchor, type MarkdownType } from './load-incoming-links';

async function findVersion(
  strapi: Core.Strapi,
  documentId: string,
  status: 'draft' | 'published',
): Promise<Doc | undefined> {
  const [found] = await docs(strapi, FAQ_UID).findMany({
    filters: { documentId },
    status,
    fields: ['slug', 'question'],
    limit: 1,
  });
  return found;
}

/**
 * Links never break by renaming an FAQ: publishing an FAQ under a slug other than its published
 * one is refused while other published entries link to its old anchor (`/faq/#old-slug`, on any
 * FAQ page), since an anchor cannot redirect the way an old page does. The refusal is shown under
 * the Slug field, names the linking entries and fields, and says how to get there. `types` are
 * the content types whose Markdown is read (`markdownTypes`).
 */
export function registerFaqRenameCheck(strapi: Core.Strapi, types: Map<string, MarkdownType>): void {
  strapi.documents.use(async (context, next) => {
    const params = context.params as { documentId?: string };
    if (context.uid !== FAQ_UID || context.action !== 'publish' || !params.documentId) return next();
    const documentId = params.documentId;
    const rename = findFaqRename(
      await findVersion(strapi, documentId, 'published'),
      await findVersion(strapi, documentId, 'draft'),
    );
    if (!rename) return next();
    // Another published FAQ under the old slug keeps the anchor answering.
    const [keeper] = await docs(strapi, FAQ_UID).findMany({
      filters: { slug: rename.oldSlug, documentId: { $ne: documentId } },
      status: 'published',
      fields: ['slug'],
      limit: 1,
    });
    if (keeper) return next();
    const linkedFrom = await loadLinksToFaqAnchor(strapi, types, documentId, rename.oldSlug);
    if (linkedFrom.length > 0) {
      throwFieldProblems([{ path: ['slug'], message: describeFaqRenameRefusal(rename, linkedFrom) }]);
    }
    return next();
  });
}
