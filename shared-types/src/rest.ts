import { z } from 'zod';

/** Strapi's pagination block on a collection response. */
export const paginationSchema = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  pageCount: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type Pagination = z.output<typeof paginationSchema>;

/**
 * The envelope of `GET /api/<plural>`: entries stay `unknown` here so each one can be
 * validated on its own and a failure can name the entry it came from.
 */
export const collectionResponseSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({ pagination: paginationSchema }),
});

/** The envelope of `GET /api/<single>`; `data` is null when nothing is published. */
export const singleResponseSchema = z.object({ data: z.unknown() });

/** Strapi's error body: `{ data: null, error: { status, name, message, details } }`. */
export const errorResponseSchema = z.object({
  error: z.object({ status: z.number(), name: z.string(), message: z.string(), details: z.unknown().optional() }),
});
