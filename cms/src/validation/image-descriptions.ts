import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldLabel } from '../bootstrap/field-label';
import { contentTypeDefinitions } from '../strapi/internals';
import type { FieldError } from './schedule-ranges';

/** The image component: a media file with its alt text, decorative flag, caption and credit. */
export const IMAGE_COMPONENT = 'shared.image';

/** Where uploads are served by Strapi's local provider; the site downloads them from CMS_URL at build time. */
const UPLOADS_PREFIX = '/uploads/';

/** The SEO component, whose Social image is a Media Library file with the library's own Alternative text. */
export const SEO_COMPONENT = 'shared.seo';

/**
 * Where a type holds images: its `shared.image` fields (and whether each repeats), its Markdown
 * fields, and its SEO components (each may hold a Social image).
 */
export interface ImageFields {
  images: { name: string; repeatable: boolean }[];
  markdown: string[];
  seo: string[];
}

export function imageFieldsOf(
  attributes: Record<string, { type: string; component?: string; repeatable?: boolean }>,
): ImageFields {
  const images: ImageFields['images'] = [];
  const markdown: string[] = [];
  const seo: string[] = [];
  for (const [name, attr] of Object.entries(attributes)) {
    if (attr.type === 'component' && attr.component === IMAGE_COMPONENT)
      images.push({ name, repeatable: attr.repeatable === true });
    if (attr.type === 'component' && attr.component === SEO_COMPONENT && attr.repeatable !== true) seo.push(name);
    if (attr.type === 'richtext') markdown.push(name);
  }
  return { images, markdown, seo };
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

/**
 * The Media Library file ids chosen as Social image in the entry's SEO components: a populated
 * file (`{ id, url, ... }`), or the bare id or `{ id }` a save sends.
 */
export function socialImageIdsOf(data: Record<string, unknown>, seoFields: readonly string[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const field of seoFields) {
    const seo = data[field];
    if (!isRecord(seo)) continue;
    const image = seo.socialImage;
    const id = typeof image === 'number' ? image : isRecord(image) && typeof image.id === 'number' ? image.id : null;
    if (id !== null) ids.set(field, id);
  }
  return ids;
}

/**
 * Social images whose Media Library file has no Alternative text (`altOf` gives it, or null):
 * a shared page's preview shows the image, and its alt text is what people who cannot see it
 * get (`og:image:alt`). The site would fall back to a drawn card, so the editor's choice would
 * silently not be used; publishing says so instead, on the Social image field.
 */
export function findUndescribedSocialImages(
  socialImageIds: ReadonlyMap<string, number>,
  file: (id: number) => { name: string; alternativeText: string | null } | undefined,
): FieldError[] {
  const problems: FieldError[] = [];
  for (const [field, id] of socialImageIds) {
    const found = file(id);
    if (!found || (found.alternativeText ?? '').trim() !== '') continue;
    problems.push({
      path: [field, 'socialImage'],
      message: `Social image (${fieldLabel(field)}): ${found.name} has no alternative text, which is what people who cannot see it get when the page is shared. Click the pencil on the image (or open it in the Media Library), fill in Alternative text and save, then publish.`,
    });
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
 * text nor Decorative ticked, a Markdown image without alt text or from outside the Media
 * Library, and a Social image whose file has no Alternative text. Drafts may hold either while an editor works. Errors carry the field path, so the
 * admin highlights the field, and start with its label (the refused-publish wording keeps them).
 */
export function registerImageDescriptionCheck(strapi: Core.Strapi): void {
  const fieldsByUid = new Map<string, ImageFields>();
  for (const [uid, { attributes }] of Object.entries(contentTypeDefinitions(strapi))) {
    if (!uid.startsWith('api::')) continue;
    const fields = imageFieldsOf(attributes);
    if (fields.images.length > 0 || fields.markdown.length > 0 || fields.seo.length > 0) fieldsByUid.set(uid, fields);
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
    const socialIds = socialImageIdsOf(data, fields.seo);
    const socialFiles =
      socialIds.size === 0
        ? []
        : ((await strapi.db.query('plugin::upload.file').findMany({
            where: { id: { $in: [...new Set(socialIds.values())] } },
            select: ['id', 'name', 'alternativeText'],
          })) as { id: number; name: string; alternativeText: string | null }[]);
    const socialFile = new Map(socialFiles.map((file) => [file.id, file]));
    return [
      ...findUndescribedImages(data, fields.images),
      ...findMarkdownImageProblems(data, fields.markdown, (p) => uploads.has(p)),
      ...findUndescribedSocialImages(socialIds, (id) => socialFile.get(id)),
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
        populate: Object.fromEntries<{ populate: Record<string, true> }>([
          ...fields.images.map(({ name }): [string, { populate: Record<string, true> }] => [
            name,
            { populate: { file: true } },
          ]),
          ...fields.seo.map((name): [string, { populate: Record<string, true> }] => [
            name,
            { populate: { socialImage: true } },
          ]),
        ]),
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
