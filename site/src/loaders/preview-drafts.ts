/**
 * Preview builds (the publisher's preview worker, `CMS_CONTENT_STATUS=draft`, with the preview
 * token) read drafts instead of published content. Everything else about the site stays the same.
 */

/** Whether this build reads drafts. */
export function readsDrafts(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CMS_CONTENT_STATUS === 'draft';
}

/**
 * A draft's `publishedAt` is null, where the generated schemas (written for published content)
 * expect a date: in a preview, a draft (and each related draft) reads as published at its last
 * update. Returns a copy; other values are untouched.
 */
export function markDraftsPublished(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(markDraftsPublished);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, child]) => [key, markDraftsPublished(child)] as const);
  const copy: Record<string, unknown> = Object.fromEntries(entries);
  if ('publishedAt' in copy && copy.publishedAt === null && typeof copy.updatedAt === 'string') {
    copy.publishedAt = copy.updatedAt;
  }
  return copy;
}
