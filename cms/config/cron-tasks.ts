import type { Core } from '@strapi/strapi';
import { purgeOldCallRequests, retentionDays } from '../src/retention/purge-call-requests';

export default {
  purgeOldCallRequests: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await purgeOldCallRequests(strapi, new Date(), retentionDays(process.env));
    },
    // Daily at 03:15 server time, when nobody is waiting on the CMS.
    options: { rule: '15 3 * * *' },
  },
};
