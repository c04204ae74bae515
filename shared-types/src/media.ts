import { z } from 'zod';

/** An image format Strapi derives from an upload (thumbnail, small, medium, large). */
const mediaFormatSchema = z.object({
  url: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  mime: z.string(),
});

/** A file from Strapi's media library, as a populated media field returns it. */
export const mediaSchema = z.object({
  id: z.number().int(),
  documentId: z.string(),
  url: z.string().min(1),
  alternativeText: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  mime: z.string(),
  formats: z.record(mediaFormatSchema).nullable(),
});
export type Media = z.output<typeof mediaSchema>;
