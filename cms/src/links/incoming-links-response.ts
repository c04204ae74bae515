/**
 * `GET /admin/incoming-links`: what the CMS sends and the takedown dialog parses. Pure, so the
 * server route and the admin import it alike.
 */
import { z } from 'zod';

/** One published entry whose Markdown links to the page, as editors know it. */
export const linkingEntrySchema = z.object({
  /** Its name, or its question in quotes: `Medical detox`, `'Is virtual IOP available?'`. */
  entry: z.string(),
  /** The labels of the fields holding the links: `Body`, `Answer`. */
  fields: z.array(z.string()),
});
export type LinkingEntry = z.output<typeof linkingEntrySchema>;

export const incomingLinksSchema = z.object({
  /** The page that would leave the site (`/programs/x/`, `/faq/#x`); null when nothing published goes. */
  path: z.string().nullable(),
  /** Published entries that link to it: while there are any, Unpublish and Delete are refused. */
  linkedFrom: z.array(linkingEntrySchema),
});
export type IncomingLinks = z.output<typeof incomingLinksSchema>;
