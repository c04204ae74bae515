/**
 * `GET /admin/unpublished-changes`: the shape the CMS sends and the home widget parses. Pure, so
 * the server route and the admin widget import it alike.
 */
import { z } from 'zod';

/** One public content type: its names, and how many of its entries the site does not show as saved. */
export const unpublishedTypeSchema = z.object({
  uid: z.string(),
  kind: z.enum(['collectionType', 'singleType']),
  /** As a webhook's `model` names it, and the publisher's build trigger with it. */
  singularName: z.string(),
  /** As the admin shows it: "Program level". */
  displayName: z.string(),
  /** Entries saved as a draft and never published: the Content Manager's "Draft". */
  neverPublished: z.number(),
  /** Published entries whose draft was saved since: the Content Manager's "Modified". */
  modified: z.number(),
});
export type UnpublishedType = z.output<typeof unpublishedTypeSchema>;

export const unpublishedChangesSchema = z.object({
  /** Entries (documents per locale) with changes the site does not show. */
  total: z.number(),
  /** Every public type the admin may read, with zero counts too (the widget names types by them). */
  types: z.array(unpublishedTypeSchema),
});
export type UnpublishedChanges = z.output<typeof unpublishedChangesSchema>;
