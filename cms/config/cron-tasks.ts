import type { Core } from '@strapi/strapi';
import { purgeOldCallRequests, retentionDays } from '../src/retention/purge-call-requests';
import { runDueActions } from '../src/scheduling/run-due-actions';

export default {
  purgeOldCallRequests: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await purgeOldCallRequests(strapi, new Date(), retentionDays(process.env));
    },
    // Daily at 03:15 server time, when nobody is waiting on the CMS.
    options: { rule: '15 3 * * *' },
  },
  runScheduledActions: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await runDueActions(strapi, new Date());
    },
    // At second 0 of every minute, so an action runs within a minute of its time. Tests set
    // SCHEDULED_ACTIONS_RULE to every second rather than wait a minute.
    options: { rule: process.env.SCHEDULED_ACTIONS_RULE || '0 * * * * *' },
  },
};
