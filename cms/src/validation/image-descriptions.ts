import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldLabel } from '../bootstrap/field-label';
import { contentTypeDefinitions } from '../strapi/internals';
import type { FieldError } from './schedule-ranges';

/** The image component: a media file with its alt text, decorative flag, caption and credit. */
export const IMAGE_COMPONENT = 'shared.image';

/** Where uploads are served by Strapi's local provider; the site downloads them from CMS_URL at build time. */
const UPLOADS_PREFIX = '/uploads/';

/** Where a type holds images: its `shared.image` fields (and whether each repeats) and its Markdown fields. */
export interface ImageFields {
  images: { name: string; repeatable: boolean }[];
  markdown: string[];
}

export function imageFieldsOf(
  attributes: Record<string, { type: string; component?: string; repeatable?: boolean }>,
): ImageFields {
  const images: ImageFields['images'] = [];
  const markdown: string[] = [];
  for (const [name, attr] of Object.entries(attributes)) {
    if (attr.type === 'component' && attr.component === IMAGE_COMPONENT)
      images.push({ name, repeatable: attr.repeatable === true });
    if (attr.type === 'richtext') markdown.push(name);
  }
  return { images, markdown };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Images of an entry that neither say what they show (`alt`) nor are marked decorative: one
 * error per image, on its Alt field. An item without a file is left to Strapi's required check.
 */
export function findUndescribedImages(data: Record<string, unknown>, fields: ImageFields['images']): FieldError[] {
  const problems: FieldError[] = [];
  for (const { name, repeatable } of fields) {
    const value = data[name];
    const items: [unknown, number | null][] =
      repeatable && Array.isArray(value) ? value.map((item, i) => [item, i]) : [[value, null]];
    for (const [item, index] of items) {
      if (!isRecord(item) || item.file === null || item.file === undefined) continue;
      if (item.decorative === true || (typeof item.alt === 'string' && item.alt.trim() !== '')) continue;
      const where = index === null ? fieldLabel(name) : `${fieldLabel(name)}, photo ${index + 1}`;
      problems.push({
        path: index === null ? [name, 'alt'] : [name, index, 'alt'],
        message: `Alt (${where}): describe what the photo shows, or tick Decorative if it adds nothing a visitor needs to know.`,
      });
    }
  }
  return problems;
}

/** A Markdown image as written: `![alt](url "title")`, the shape the editor's Image button inserts. */
export interface MarkdownImage {
  alt: string;
  url: string;
}

const MARKDOWN_IMAGE = /!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;

/** Every inline image of a Markdown text, in order. */
export function extractMarkdownImages(markdown: string): MarkdownImage[] {
  return [...markdown.matchAll(MARKDOWN_IMAGE)].map(([, alt = '', url = '']) => ({ alt: alt.trim(), url }));
}

/**
 * The upload path (`/uploads/x.jpg`) a Markdown image names, whatever origin the admin wrote
 * before it (`http://<cms>/uploads/x.jpg`), or null for anything else (an external image).
 */
export function uploadPathOf(url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url, 'http://cms.invalid').pathname;
  } catch {
    return null;
  }
  return pathname.startsWith(UPLOADS_PREFIX) && pathname.length > UPLOADS_PREFIX.length ? pathname : null;
}

/**
 * Markdown images the site could not show as they are meant: one without alt text, or one that
 * is not a file of the Media Library (`isUpload` says which upload paths exist). The site never
 * links to another site's images (its CSP allows its own origin only) or to the CMS.
 */
export function findMarkdownImageProblems(
  data: Record<string, unknown>,
  markdownFields: readonly string[],
  isUpload: (uploadPath: string) => boolean,
): FieldError[] {
  const problems: FieldError[] = [];
  for (const field of markdownFields) {
    const value = data[field];
    if (typeof value !== 'string' || !value.includes('![')) continue;
    for (const { alt, url } of extractMarkdownImages(value)) {
      const uploadPath = uploadPathOf(url);
      if (uploadPath === null || !isUpload(uploadPath)) {
        problems.push({
          path: [field],
          message: `${fieldLabel(field)}: the image ${url} is not in the Media Library. Upload it there and insert it with the Image button, or remove it.`,
        });
      } else if (alt === '') {
        problems.push({
          path: [field],
          message: `${fieldLabel(field)}: the image ${uploadPath.slice(UPLOADS_PREFIX.length)} has no description. Write what it shows between the square brackets: ![Group room with chairs in a circle](${url}).`,
        });
      }
    }
  }
  return problems;
}

/**
 * Publishing refuses an image that does not say what it shows: an image field with neither alt
 * text nor Decorative ticked, and a Markdown image without alt text or from outside the Media
 * Library. Drafts may hold either while an editor works. Errors carry the field path, so the
 * admin highlights the field, and start with its label (the refused-publish wording keeps them).
 */
export function registerImageDescriptionCheck(strapi: Core.Strapi): void {
  const fieldsByUid = new Map<string, ImageFields>();
  for (const [uid, { attributes }] of Object.entries(contentTypeDefinitions(strapi))) {
    if (!uid.startsWith('api::')) continue;
    const fields = imageFieldsOf(attributes);
    if (fields.images.length > 0 || fields.markdown.length > 0) fieldsByUid.set(uid, fields);
  }

  async function problemsOf(data: Record<string, unknown>, fields: ImageFields): Promise<FieldError[]> {
    const uploadPaths = fields.markdown.flatMap((field) => {
      const value = data[field];
      return typeof value === 'string' ? extractMarkdownImages(value).map((image) => uploadPathOf(image.url)) : [];
    });
    const wanted = [...new Set(uploadPaths.filter((p): p is string => p !== null))];
    const found =
      wanted.length === 0
        ? []
        : ((await strapi.db.query('plugin::upload.file').findMany({
            where: { url: { $in: wanted } },
            select: ['url'],
          })) as { url?: unknown }[]);
    const uploads = new Set(found.map((file) => file.url));
    return [
      ...findUndescribedImages(data, fields.images),
      ...findMarkdownImageProblems(data, fields.markdown, (p) => uploads.has(p)),
    ];
  }

  function throwIfAny(problems: FieldError[]): void {
    if (problems.length === 0) return;
    throw new errors.ValidationError(problems.map((p) => p.message).join(' '), {
      errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
    });
  }

  strapi.documents.use(async (context, next) => {
    const fields = fieldsByUid.get(context.uid);
    if (!fields) return next();
    if (context.action === 'publish') {
      const { documentId, locale } = context.params as { documentId?: unknown; locale?: unknown };
      if (typeof documentId !== 'string') return next();
      const draft = (await strapi.documents(context.uid).findOne({
        documentId,
        ...(typeof locale === 'string' ? { locale } : {}),
        status: 'draft',
        populate: Object.fromEntries(fields.images.map(({ name }) => [name, { populate: { file: true } }])),
      })) as Record<string, unknown> | null;
      if (draft) throwIfAny(await problemsOf(draft, fields));
      return next();
    }
    // A save that publishes at once (the seed, the REST API with status=published).
    const params = context.params as { data?: unknown; status?: unknown };
    if ((context.action === 'create' || context.action === 'update') && params.status === 'published') {
      if (isRecord(params.data)) throwIfAny(await problemsOf(params.data, fields));
    }
    return next();
  });
}
