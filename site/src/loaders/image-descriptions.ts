import type { ZodIssue } from 'zod';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The shape of a `shared.image` value: a file with its Decorative flag (and alt text). */
const isImage = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) && 'file' in value && typeof value.decorative === 'boolean';

/**
 * Issues for the images of an entry (`heroImage`, each of `photos`) that have a file but
 * neither say what they show nor are marked decorative. The CMS refuses to publish them; one
 * published before that rule, or through another path, fails the build here, named by field,
 * rather than reach a page without alt text.
 */
export function findUndescribedImages(entry: unknown): ZodIssue[] {
  if (!isRecord(entry)) return [];
  const issues: ZodIssue[] = [];
  const check = (image: unknown, path: (string | number)[]) => {
    if (!isImage(image) || image.file === null || image.decorative) return;
    if (typeof image.alt === 'string' && image.alt.trim() !== '') return;
    issues.push({
      code: 'custom',
      path: [...path, 'alt'],
      message: 'describe what the image shows in Alt text, or tick Decorative, then publish again',
    });
  };
  for (const [field, value] of Object.entries(entry)) {
    if (Array.isArray(value)) value.forEach((item, i) => check(item, [field, i]));
    else check(value, [field]);
  }
  return issues;
}
