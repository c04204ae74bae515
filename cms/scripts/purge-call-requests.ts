/**
 * `npm run purge:call-requests -w cms`: what the daily cron task does, on demand.
 * Deletes call requests older than CALL_REQUEST_RETENTION_DAYS (default 90).
 */
import { loadRuntimeEnv } from '../src/env/runtime-env';
import { loadCompiledStrapi } from './load-compiled-strapi';
import { purgeOldCallRequests, retentionDays } from '../src/retention/purge-call-requests';

async function main(): Promise<void> {
  loadRuntimeEnv();
  const days = retentionDays(process.env);
  process.env.SEED_ON_EMPTY = 'false';
  const app = await loadCompiledStrapi();
  try {
    const deleted = await purgeOldCallRequests(app, new Date(), days);
    console.log(`Deleted ${deleted} call request(s) older than ${days} days.`);
  } finally {
    await app.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
