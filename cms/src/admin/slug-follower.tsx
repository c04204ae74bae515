import {
  unstable_useContentManagerContext as useContentManagerContext,
  useForm,
  type StrapiApp,
} from '@strapi/strapi/admin';
import { useEffect, useRef } from 'react';
import { followTitle } from '../slugs/follow-title';

/** The slug field of a content type and the field it is made from, read from the schema. */
function slugFieldOf(attributes: Record<string, unknown> | undefined): { slug: string; title: string } | null {
  for (const [name, attribute] of Object.entries(attributes ?? {})) {
    const { type, targetField } = (attribute ?? {}) as { type?: unknown; targetField?: unknown };
    if (type === 'uid' && typeof targetField === 'string') return { slug: name, title: targetField };
  }
  return null;
}

/**
 * Keeps a new entry's slug following its title or question as it is typed, until the editor
 * types a slug of their own (the server makes the same slug on save when the admin's
 * placeholder is left). Registered as an edit-view side panel because panels render inside
 * the edit form; it shows nothing.
 */
export function SlugFollower({ documentId }: { documentId?: string }): null {
  // Not `isCreatingEntry`: in 5.54 it compares an id that useDoc never returns as 'create'.
  const isCreatingEntry = !documentId;
  const { contentType } = useContentManagerContext();
  const fields = slugFieldOf(contentType?.attributes);
  const title = useForm('SlugFollower', (form) =>
    fields ? (form.values as Record<string, unknown>)[fields.title] : undefined,
  );
  const getValues = useForm('SlugFollower', (form) => form.getValues);
  const onChange = useForm('SlugFollower', (form) => form.onChange);
  // Every slug this follower has set: while the editor types fast, React may render a keystroke
  // before the slug set for the previous one, so the form can still hold an older one of ours.
  const followed = useRef(new Set<string>());
  const lastFollowed = useRef<string | null>(null);
  // The admin's schema carries the model name as `apiID` (the placeholder slug is made from it).
  const modelName = contentType?.apiID ?? '';

  useEffect(() => {
    if (!isCreatingEntry || !fields) return;
    const slug = (getValues() as Record<string, unknown>)[fields.slug];
    const ours = typeof slug === 'string' && followed.current.has(slug) ? slug : lastFollowed.current;
    const next = followTitle({ title, slug, lastFollowed: ours, modelName });
    if (next === null) return;
    followed.current.add(next);
    lastFollowed.current = next;
    onChange(fields.slug, next);
    // Only a change of the title moves the slug; the editor's own edits of the slug are theirs.
  }, [title]);

  return null;
}

interface ContentManagerApis {
  addEditViewSidePanel(panels: (typeof SlugFollower)[]): void;
}

/** Adds the follower to every edit view (from `app.tsx`'s `bootstrap`). */
export function followSlugs(app: Pick<StrapiApp, 'getPlugin'>): void {
  const apis = app.getPlugin('content-manager').apis as Partial<ContentManagerApis>;
  apis.addEditViewSidePanel?.([SlugFollower]);
}
