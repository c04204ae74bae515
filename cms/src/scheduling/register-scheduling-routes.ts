import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { addAdminRoutes, contentTypeDefinitions } from '../strapi/internals';
import { describeClinicTime, fromClinicTime, toClinicTime } from './clinic-time';
import { entryEditPath, type FailedScheduledAction } from './describe-scheduled-failures';
import {
  ACTION_MODES,
  SCHEDULED_ACTION_UID,
  scheduledActionSchema,
  type ScheduledAction,
} from './scheduled-action-type';

interface Context {
  query: unknown;
  params: unknown;
  request: { body?: unknown };
  state: { user?: { email?: string }; userAbility?: { can(action: string, subject: string): boolean } };
  body: unknown;
  status: number;
}

/** How far in the past a new time may be: "now" typed a few seconds late still counts. */
const PAST_GRACE_MS = 60_000;

/** A time as the panel sends it (clinic wall clock) or as a UTC instant (scripts, tests). */
const whenSchema = z.union([
  z.object({ clinicTime: z.string() }).transform(({ clinicTime }) => fromClinicTime(clinicTime)),
  z.object({ executeAt: z.string().datetime({ offset: true }) }).transform(({ executeAt }) => new Date(executeAt)),
]);

const createSchema = z.object({
  targetUid: z.string().startsWith('api::'),
  targetDocumentId: z.string().min(1),
  targetLocale: z.string().min(1).nullish(),
  mode: z.enum(ACTION_MODES),
});

const listQuerySchema = z.object({
  targetUid: z.string().optional(),
  targetDocumentId: z.string().optional(),
  targetLocale: z.string().optional(),
});

const idParamsSchema = z.object({ documentId: z.string().min(1) });

/** A scheduled action as the admin panel shows it, with its time on the clinic's clock. */
export function presentAction(action: ScheduledAction) {
  return {
    documentId: action.documentId,
    targetUid: action.targetUid,
    targetDocumentId: action.targetDocumentId,
    targetLocale: action.targetLocale ?? null,
    targetLabel: action.targetLabel ?? null,
    mode: action.mode,
    status: action.status,
    executeAt: action.executeAt.toISOString(),
    clinicTime: toClinicTime(action.executeAt),
    clinicTimeText: describeClinicTime(action.executeAt),
    failureReason: action.failureReason ?? null,
    ranAt: action.ranAt ? action.ranAt.toISOString() : null,
  };
}

function parseOrRefuse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, what: string): T {
  try {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new errors.ValidationError(
      `${what}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ')}`,
    );
  } catch (error) {
    // fromClinicTime's RangeError names the value the editor typed.
    if (error instanceof RangeError) throw new errors.ValidationError(`${what}: ${error.message}`);
    throw error;
  }
}

function refuseUnlessFuture(when: Date, now: Date): Date {
  if (when.getTime() < now.getTime() - PAST_GRACE_MS)
    throw new errors.ValidationError(`${describeClinicTime(when)} has already passed: pick a later time`);
  return when;
}

function refuseUnlessMayPublish(ctx: Context, uid: string): void {
  if (ctx.state.userAbility && !ctx.state.userAbility.can('plugin::content-manager.explorer.publish', uid))
    throw new errors.ForbiddenError(`You may not publish ${uid}, so you may not schedule it either`);
}

function labelOf(entry: Record<string, unknown>): string | null {
  for (const key of ['name', 'question', 'title', 'slug']) {
    const value = entry[key];
    if (typeof value === 'string' && value) return value.slice(0, 200);
  }
  return null;
}

/**
 * The admin API of scheduled publishing, for signed-in admins who may publish the entry:
 * `GET /admin/scheduling/actions` (an entry's actions with `targetUid` and `targetDocumentId`,
 * otherwise every pending and failed one), `GET /admin/scheduling/failures` (the 20 newest
 * failed ones, each with the admin path of its entry, for the home page widget), `POST` to
 * schedule, `PUT .../:documentId` to move (a failed action moved to a new time is scheduled
 * again), `DELETE .../:documentId` to cancel.
 */
export function registerSchedulingRoutes(strapi: Core.Strapi): void {
  // The query engine, not the document service: bookkeeping rows emit no entry.* events, so no
  // webhook reaches the publisher for them (the model gives each row its documentId).
  const query = () => strapi.db.query(SCHEDULED_ACTION_UID);
  const findAction = async (documentId: string): Promise<ScheduledAction> => {
    const row: unknown = await query().findOne({ where: { documentId } });
    if (!row) throw new errors.NotFoundError(`No scheduled action ${documentId}`);
    return scheduledActionSchema.parse(row);
  };
  const policies = { policies: ['admin::isAuthenticatedAdmin'] };

  addAdminRoutes<Context>(strapi, [
    {
      method: 'GET',
      path: '/scheduling/actions',
      handler: async (ctx) => {
        const filters = parseOrRefuse(listQuerySchema, ctx.query, 'Listing scheduled actions');
        const forEntry = filters.targetUid && filters.targetDocumentId;
        const rows: unknown[] = await query().findMany({
          where: forEntry
            ? {
                targetUid: filters.targetUid,
                targetDocumentId: filters.targetDocumentId,
                ...(filters.targetLocale
                  ? { $or: [{ targetLocale: filters.targetLocale }, { targetLocale: null }] }
                  : {}),
              }
            : { status: { $in: ['scheduled', 'running', 'failed'] } },
          orderBy: [{ executeAt: forEntry ? 'desc' : 'asc' }],
          limit: forEntry ? 20 : 100,
        });
        ctx.body = { data: rows.map((row) => presentAction(scheduledActionSchema.parse(row))) };
      },
      config: policies,
    },
    {
      method: 'GET',
      path: '/scheduling/failures',
      handler: async (ctx) => {
        const rows: unknown[] = await query().findMany({
          where: { status: 'failed' },
          orderBy: [{ ranAt: 'desc' }, { id: 'desc' }],
          limit: 20,
        });
        const types = contentTypeDefinitions(strapi);
        const data: FailedScheduledAction[] = rows.map((row) => {
          const action = presentAction(scheduledActionSchema.parse(row));
          const kind = types[action.targetUid]?.kind ?? 'collectionType';
          return {
            ...action,
            editPath: entryEditPath(kind, action.targetUid, action.targetDocumentId, action.targetLocale),
          };
        });
        ctx.body = { data };
      },
      config: policies,
    },
    {
      method: 'POST',
      path: '/scheduling/actions',
      handler: async (ctx) => {
        const input = parseOrRefuse(createSchema, ctx.request.body, 'Scheduling');
        const type = contentTypeDefinitions(strapi)[input.targetUid];
        if (!type?.options?.draftAndPublish)
          throw new errors.ValidationError(`${input.targetUid} has no draft and publish, so it cannot be scheduled`);
        refuseUnlessMayPublish(ctx, input.targetUid);
        const executeAt = refuseUnlessFuture(parseOrRefuse(whenSchema, ctx.request.body, 'Scheduling'), new Date());
        const entry: unknown = await strapi.documents(input.targetUid as never).findOne({
          documentId: input.targetDocumentId,
          status: 'draft',
          ...(input.targetLocale ? { locale: input.targetLocale } : {}),
        } as never);
        if (!entry || typeof entry !== 'object')
          throw new errors.NotFoundError(`No ${input.targetUid} entry ${input.targetDocumentId} to schedule`);
        const row: unknown = await query().create({
          data: {
            targetUid: input.targetUid,
            targetDocumentId: input.targetDocumentId,
            targetLocale: input.targetLocale ?? null,
            targetLabel: labelOf(entry as Record<string, unknown>),
            mode: input.mode,
            executeAt,
            status: 'scheduled',
            scheduledBy: ctx.state.user?.email ?? null,
          },
        });
        ctx.status = 201;
        ctx.body = { data: presentAction(scheduledActionSchema.parse(row)) };
      },
      config: policies,
    },
    {
      method: 'PUT',
      path: '/scheduling/actions/:documentId',
      handler: async (ctx) => {
        const { documentId } = parseOrRefuse(idParamsSchema, ctx.params, 'Moving a scheduled action');
        const action = await findAction(documentId);
        refuseUnlessMayPublish(ctx, action.targetUid);
        if (action.status === 'done' || action.status === 'running')
          throw new errors.ValidationError(`The ${action.mode} of ${documentId} has already run`);
        const executeAt = refuseUnlessFuture(
          parseOrRefuse(whenSchema, ctx.request.body, 'Moving a scheduled action'),
          new Date(),
        );
        // Conditional, so a move cannot race the runner's claim.
        const { count } = await query().updateMany({
          where: { id: action.id, status: action.status },
          data: { executeAt, status: 'scheduled', failureReason: null, ranAt: null },
        });
        if (count !== 1)
          throw new errors.ValidationError(`The ${action.mode} of ${documentId} started running meanwhile`);
        ctx.body = { data: presentAction(await findAction(documentId)) };
      },
      config: policies,
    },
    {
      method: 'DELETE',
      path: '/scheduling/actions/:documentId',
      handler: async (ctx) => {
        const { documentId } = parseOrRefuse(idParamsSchema, ctx.params, 'Cancelling a scheduled action');
        const action = await findAction(documentId);
        refuseUnlessMayPublish(ctx, action.targetUid);
        if (action.status === 'running') throw new errors.ValidationError(`The ${action.mode} is running right now`);
        await query().delete({ where: { id: action.id } });
        ctx.body = { data: presentAction(action) };
      },
      config: policies,
    },
  ]);
}
