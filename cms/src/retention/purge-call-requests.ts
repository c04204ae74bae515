import type { Core } from '@strapi/strapi';

export const CALL_REQUEST_UID = 'api::call-request.call-request';

/** Requests created before this moment are past retention. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
}

/** `CALL_REQUEST_RETENTION_DAYS`, default 90; anything not a positive whole number is refused. */
export function retentionDays(env: NodeJS.ProcessEnv): number {
  const raw = env.CALL_REQUEST_RETENTION_DAYS ?? '90';
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`CALL_REQUEST_RETENTION_DAYS must be a whole number of days >= 1 (got "${raw}")`);
  return days;
}

/** Deletes every call request older than the retention period. Returns how many went. */
export async function purgeOldCallRequests(strapi: Core.Strapi, now: Date, days: number): Promise<number> {
  const cutoff = retentionCutoff(now, days).toISOString();
  const documents = strapi.documents(CALL_REQUEST_UID);
  let deleted = 0;
  for (;;) {
    const old = (await documents.findMany({
      filters: { createdAt: { $lt: cutoff } },
      fields: ['documentId'],
      limit: 100,
    })) as { documentId: string }[];
    if (old.length === 0) break;
    for (const { documentId } of old) {
      await documents.delete({ documentId });
      deleted += 1;
    }
  }
  strapi.log.info(`Retention: deleted ${deleted} call request(s) older than ${days} days`);
  return deleted;
}
