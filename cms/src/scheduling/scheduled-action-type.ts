/**
 * `api::scheduling.scheduled-action`: one planned publish or unpublish of one entry (and locale).
 * Registered from code rather than `src/api/` because it is the CMS's own bookkeeping: no REST
 * routes, not part of the public content contract that shared-types generates, hidden from the
 * content manager (editors use the edit view's "Schedule" panel).
 */
import { z } from 'zod';

export const SCHEDULED_ACTION_UID = 'api::scheduling.scheduled-action';

export const ACTION_MODES = ['publish', 'unpublish'] as const;
export const ACTION_STATUSES = ['scheduled', 'running', 'done', 'failed'] as const;

export const scheduledActionDefinition = {
  schema: {
    kind: 'collectionType',
    collectionName: 'scheduled_actions',
    info: {
      singularName: 'scheduled-action',
      pluralName: 'scheduled-actions',
      displayName: 'Scheduled action',
      description: 'A publish or unpublish planned for a given minute',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      targetUid: { type: 'string', required: true },
      targetDocumentId: { type: 'string', required: true },
      targetLocale: { type: 'string' },
      /** The entry's title when it was scheduled, for lists that show many entries. */
      targetLabel: { type: 'string' },
      mode: { type: 'enumeration', enum: [...ACTION_MODES], required: true },
      /** UTC instant; the admin shows and takes it in the clinic's time zone. */
      executeAt: { type: 'datetime', required: true },
      status: { type: 'enumeration', enum: [...ACTION_STATUSES], default: 'scheduled', required: true },
      /** Why a run failed, in words an editor can act on (the fields and what is wrong). */
      failureReason: { type: 'text' },
      ranAt: { type: 'datetime' },
      scheduledBy: { type: 'string' },
    },
  },
};

/** A scheduled action as the database returns it. */
export const scheduledActionSchema = z.object({
  id: z.number(),
  documentId: z.string(),
  targetUid: z.string(),
  targetDocumentId: z.string(),
  targetLocale: z.string().nullish(),
  targetLabel: z.string().nullish(),
  mode: z.enum(ACTION_MODES),
  executeAt: z.coerce.date(),
  status: z.enum(ACTION_STATUSES),
  failureReason: z.string().nullish(),
  ranAt: z.coerce.date().nullish(),
  scheduledBy: z.string().nullish(),
});
export type ScheduledAction = z.output<typeof scheduledActionSchema>;
