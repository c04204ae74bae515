import type { Core } from '@strapi/strapi';
import { contentTypeRegistry } from '../strapi/internals';
import { registerSchedulingRoutes } from './register-scheduling-routes';
import { requeueInterruptedActions, runDueActions } from './run-due-actions';
import { scheduledActionDefinition } from './scheduled-action-type';

/** `register` phase: the scheduled-action type (before the database is set up) and the admin routes. */
export function registerScheduling(strapi: Core.Strapi): void {
  contentTypeRegistry(strapi).add('api::scheduling', { 'scheduled-action': scheduledActionDefinition });
  registerSchedulingRoutes(strapi);
}

/** Whether this process runs scheduled work (`CRON_ENABLED`, default on; off on all replicas but one). */
export function runsScheduledWork(strapi: Core.Strapi): boolean {
  const enabled: unknown = strapi.config.get('server.cron.enabled');
  return enabled === true;
}

/**
 * `bootstrap` phase, on the replica that runs cron only: actions cut short by the last stop are
 * queued again, and whatever fell due while the CMS was down runs as soon as the server is up
 * rather than at the next minute.
 */
export async function startScheduling(strapi: Core.Strapi): Promise<void> {
  if (!runsScheduledWork(strapi)) {
    strapi.log.info('Scheduling: CRON_ENABLED=false, so scheduled actions run on another replica');
    return;
  }
  await requeueInterruptedActions(strapi);
  // After bootstrap, so the rebuild webhook is registered and the publisher hears these publishes.
  setImmediate(() => {
    runDueActions(strapi).catch((error: unknown) =>
      strapi.log.error(`Scheduling: catch-up run failed: ${String(error)}`),
    );
  });
}
