import { unpublishedChangesSchema, type UnpublishedType } from '../deploy-status/unpublished-changes.ts';
import type { TypeNames } from './describe-last-update';

/** One link of a type's line: "2 edited after publishing", to the list showing just those. */
export interface UnpublishedLink {
  text: string;
  /** Admin router path (without `/admin`). */
  path: string;
}

export interface UnpublishedTypeLine {
  key: string;
  /** The type as the admin names it: "Program level". */
  type: string;
  links: UnpublishedLink[];
}

export interface UnpublishedChangesSummary {
  /** "3 entries have unpublished changes", or that everything saved is published. */
  headline: string;
  /** One line per type with changes; none when everything is published. */
  lines: UnpublishedTypeLine[];
  /** Display names by singular name, for naming types elsewhere in the widget. */
  names: TypeNames;
}

/**
 * A type's list in the Content Manager, filtered by the list's own Status filter (5.54:
 * `draft` is "Draft (never published)", `published-modified` is "Published (modified)"). A
 * single type has no list: its edit view.
 */
export function contentManagerListPath(
  type: Pick<UnpublishedType, 'uid' | 'kind'>,
  status: 'draft' | 'published-modified',
): string {
  if (type.kind === 'singleType') return `/content-manager/single-types/${type.uid}`;
  return `/content-manager/collection-types/${type.uid}?page=1&filters[$and][0][__status][$eq]=${status}`;
}

/**
 * Turns `GET /admin/unpublished-changes` into the widget's lines: how many entries have changes
 * visitors do not see yet, and per type links to exactly those entries. Null when the answer is
 * not the expected shape (the widget then says nothing about it).
 */
export function describeUnpublishedChanges(response: unknown): UnpublishedChangesSummary | null {
  const parsed = unpublishedChangesSchema.safeParse(response);
  if (!parsed.success) return null;
  const { total, types } = parsed.data;
  const names: TypeNames = new Map(types.map((type) => [type.singularName, type.displayName]));
  const headline =
    total === 0
      ? 'Every saved change is published'
      : `${total} ${total === 1 ? 'entry has' : 'entries have'} unpublished changes`;
  const lines = types
    .filter((type) => type.modified + type.neverPublished > 0)
    .map((type) => {
      const links: UnpublishedLink[] = [];
      if (type.modified > 0)
        links.push({
          text: `${type.modified} edited after publishing`,
          path: contentManagerListPath(type, 'published-modified'),
        });
      if (type.neverPublished > 0)
        links.push({
          text: `${type.neverPublished} never published`,
          path: contentManagerListPath(type, 'draft'),
        });
      return { key: type.uid, type: type.displayName, links };
    });
  return { headline, lines, names };
}
