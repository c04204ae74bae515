import type { z } from 'zod';

/** Describes the first problem zod found in a webhook body, naming the field, for a 400 answer. */
export function describeWebhookIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'not a Strapi webhook object';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return `${where}: ${issue.message}`;
}
