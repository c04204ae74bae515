import { z } from 'zod';

/**
 * The part of a Strapi 5 webhook body the publisher reads. Strapi sends each webhook once and
 * never retries, so optional metadata is accepted leniently (null or absent): dropping a publish
 * over a missing `model` would leave the site stale until the next one.
 */
export const strapiWebhookSchema = z.object({
  event: z.string().min(1).describe('Strapi event name, for example entry.publish'),
  createdAt: z.string().nullish(),
  model: z.string().nullish().describe('content type singular name, for example faq'),
  uid: z.string().nullish().describe('content type uid, for example api::faq.faq'),
  // Read only to know it is there; its fields (possibly personal data) are never logged.
  entry: z.record(z.string(), z.unknown()).nullish(),
});

export type StrapiWebhook = z.output<typeof strapiWebhookSchema>;

/** Describes the first problem zod found, naming the field, for a 400 answer. */
export function describeWebhookIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'not a Strapi webhook object';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return `${where}: ${issue.message}`;
}
