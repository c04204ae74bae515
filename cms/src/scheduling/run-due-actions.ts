import type { Core } from '@strapi/strapi';
import { plainFieldMessage } from '../publishing/refused-publish';
import { describeClinicTime } from './clinic-time';
import { SCHEDULED_ACTION_UID, scheduledActionSchema, type ScheduledAction } from './scheduled-action-type';

export interface RunSummary {
  done: number;
  failed: number;
}

interface ValidationDetail {
  path?: unknown;
  message?: unknown;
}

/**
 * What to tell the editor when a scheduled action could not run: each field's problem in the
 * editor's words (Strapi's own message alone says only "N errors occurred").
 */
export function describeRunFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = (error as Error & { details?: { errors?: ValidationDetail[] } }).details;
  const fieldErrors = (details?.errors ?? []).map(({ path, message }) =>
    plainFieldMessage({
      path: Array.isArray(path) ? (path as (string | number)[]) : typeof path === 'string' ? [path] : [],
      message: typeof message === 'string' ? message : 'is invalid',
    }),
  );
  return fieldErrors.length > 0 ? fieldErrors.join(' ') : error.message;
}

function localeParams(action: ScheduledAction): { locale?: string } {
  return action.targetLocale ? { locale: action.targetLocale } : {};
}

async function performAction(strapi: Core.Strapi, action: ScheduledAction): Promise<void> {
  const documents = strapi.documents(action.targetUid as never);
  const draft: unknown = await documents.findOne({
    documentId: action.targetDocumentId,
    status: 'draft',
    ...localeParams(action),
  } as never);
  if (!draft) throw new Error(`the entry no longer exists (${action.targetUid} ${action.targetDocumentId})`);
  // Through the document service, like the admin's own buttons: it validates the draft as a
  // publish does, runs in one transaction (a failure leaves the live version as it was) and
  // emits entry.publish / entry.unpublish, so the rebuild webhook fires exactly as for a click.
  if (action.mode === 'publish')
    await documents.publish({ documentId: action.targetDocumentId, ...localeParams(action) } as never);
  else await documents.unpublish({ documentId: action.targetDocumentId, ...localeParams(action) } as never);
}

/**
 * Runs every scheduled action whose time has come (`executeAt <= now`), oldest first, back to
 * back so actions due in the same minute reach the publisher together and make one build.
 * Each action is claimed with a conditional update (`scheduled` -> `running`) before it runs,
 * so two processes sweeping the same database never run one action twice. A failure is kept
 * as `failed` with its reason and logged; it never stops the other actions.
 */
export async function runDueActions(strapi: Core.Strapi, now: Date = new Date()): Promise<RunSummary> {
  const query = strapi.db.query(SCHEDULED_ACTION_UID);
  const rows: unknown[] = await query.findMany({
    where: { status: 'scheduled', executeAt: { $lte: now } },
    orderBy: [{ executeAt: 'asc' }, { id: 'asc' }],
  });
  const summary: RunSummary = { done: 0, failed: 0 };
  for (const row of rows) {
    const action = scheduledActionSchema.parse(row);
    const claim = await query.updateMany({
      where: { id: action.id, status: 'scheduled' },
      data: { status: 'running' },
    });
    if (claim.count !== 1) continue;
    const what = `scheduled ${action.mode} of ${action.targetUid} ${action.targetDocumentId}${
      action.targetLocale ? ` (${action.targetLocale})` : ''
    }${action.targetLabel ? ` "${action.targetLabel}"` : ''} due ${describeClinicTime(action.executeAt)}`;
    try {
      await performAction(strapi, action);
      await query.update({
        where: { id: action.id },
        data: { status: 'done', ranAt: new Date(), failureReason: null },
      });
      summary.done += 1;
      strapi.log.info(`Scheduling: ran the ${what}`);
    } catch (error) {
      const reason = describeRunFailure(error);
      await query.update({
        where: { id: action.id },
        data: { status: 'failed', ranAt: new Date(), failureReason: reason },
      });
      summary.failed += 1;
      strapi.log.error(`Scheduling: the ${what} failed and was kept as failed: ${reason}`);
    }
  }
  return summary;
}

/**
 * At start-up on the replica that runs cron: an action left `running` was cut short by a crash
 * or a stop (only this replica runs actions), so it goes back to `scheduled` and runs again;
 * publishing and unpublishing twice leave the same result.
 */
export async function requeueInterruptedActions(strapi: Core.Strapi): Promise<number> {
  const { count } = await strapi.db
    .query(SCHEDULED_ACTION_UID)
    .updateMany({ where: { status: 'running' }, data: { status: 'scheduled' } });
  if (count > 0) strapi.log.warn(`Scheduling: ${count} action(s) interrupted by the last stop will run again`);
  return count;
}
