/**
 * `npm start`: the whole system on one machine. Starts the CMS (which prepares DATA_DIR,
 * its secrets and its admin build when needed), waits for it, starts the publisher
 * (which serves the last good build at once and builds the site from the CMS), and
 * prints where everything is. Ctrl-C stops every child.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePublisherEnv } from '../publisher/publisher-env.ts';
import { createSupervisor } from './supervise.ts';
import { waitForHttp } from './wait-for-http.ts';

const rootDir = fileURLToPath(new URL('../../../', import.meta.url));
const tsxCli = path.join(rootDir, 'node_modules/tsx/dist/cli.mjs');

const supervisor = createSupervisor();

async function main(): Promise<void> {
  const started = Date.now();
  const env = process.env;
  env.CMS_PORT ||= '1337';
  env.SITE_PORT ||= '4321';
  env.PUBLISHER_PORT ||= '4322';
  env.CMS_URL ||= `http://127.0.0.1:${env.CMS_PORT}`;
  env.SITE_URL ||= `http://localhost:${env.SITE_PORT}`;
  // The form on the site posts through the publisher's proxy: the CMS sees the visitor's address there.
  env.CALL_REQUEST_TRUST_PROXY ||= 'true';

  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    void supervisor.stopAll(signal === 'SIGINT' ? 'Ctrl-C' : signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const cms = supervisor.start({
    name: 'cms',
    command: process.execPath,
    args: [tsxCli, 'scripts/start.ts'],
    options: { cwd: path.join(rootDir, 'cms'), env },
  });
  const cmsReady = await waitForHttp(`${env.CMS_URL}/_health`, {
    timeoutMs: 5 * 60_000,
    while: () => cms.exitCode === null && !interrupted,
  });
  if (!cmsReady) {
    await supervisor.stopAll('the CMS did not become healthy');
    process.exit(await supervisor.done);
  }

  // The CMS generated DATA_DIR/secrets.env on its first start; the publisher reads it too.
  const { options } = parsePublisherEnv(env, rootDir);
  const dataDir = options.dataDir;
  supervisor.start({
    name: 'publisher',
    command: process.execPath,
    args: [tsxCli, 'scripts/src/publisher/main.ts'],
    options: { cwd: rootDir, env },
  });
  const statusUrl = `http://127.0.0.1:${env.PUBLISHER_PORT}/status`;
  const publisherUp = await waitForHttp(statusUrl, { timeoutMs: 60_000, while: () => !interrupted });
  if (!publisherUp || interrupted) process.exit(await supervisor.done);

  const readStatus = async () => (await (await fetch(statusUrl)).json()) as PublisherStatusView;
  const status = await readStatus();
  let siteState: string;
  if (status.live) {
    // Content may have changed while everything was down: rebuild once, serving the last good build meanwhile.
    if (!status.building) {
      await fetch(`http://127.0.0.1:${env.PUBLISHER_PORT}/hooks/rebuild`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.rebuildSecret}` },
      });
    }
    siteState = 'serving the last build; refreshing it from the CMS now';
  } else {
    console.log('[start] Building the site for the first time...');
    const first = await waitForFirstBuild(readStatus, () => interrupted);
    if (interrupted) process.exit(await supervisor.done);
    siteState = first.live
      ? 'built'
      : `first build failed: ${first.lastError?.message ?? 'see the [publisher] lines above'} (it retries; /status tells)`;
  }

  const login = env.ADMIN_EMAIL
    ? `log in as ${env.ADMIN_EMAIL} (ADMIN_PASSWORD)`
    : 'create the first admin there (or set ADMIN_EMAIL and ADMIN_PASSWORD before the first start)';
  console.log(
    [
      '',
      `  Site      ${env.SITE_URL}/  (${siteState})`,
      `  Admin     http://localhost:${env.CMS_PORT}/admin  -> ${login}`,
      `  Status    ${statusUrl}`,
      `  Data      ${dataDir} (secrets in ${path.join(dataDir, 'secrets.env')})`,
      `  Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Press Ctrl-C to stop.`,
      '',
    ].join('\n'),
  );
  process.exit(await supervisor.done);
}

interface PublisherStatusView {
  live: unknown;
  building: boolean;
  lastError: { message: string } | null;
}

/** Polls the publisher until the first build is live or has failed (it retries on its own). */
async function waitForFirstBuild(
  readStatus: () => Promise<PublisherStatusView>,
  stop: () => boolean,
): Promise<PublisherStatusView> {
  for (;;) {
    const status = await readStatus();
    if (status.live || status.lastError || stop()) return status;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

main().catch(async (error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  // Never leave the CMS or the publisher running behind a launcher that gave up.
  await supervisor.stopAll('the launcher failed');
  process.exit(1);
});
