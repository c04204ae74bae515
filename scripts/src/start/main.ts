/**
 * `npm start`: the whole system on one machine. Starts the CMS (which prepares DATA_DIR,
 * its secrets and its admin build when needed), waits for it, starts the publisher
 * (which serves the last good build at once and builds the site from the CMS), and
 * prints where everything is. A child that crashes is restarted with backoff while the
 * other keeps running: the site stays up through a CMS crash, and publishing catches up
 * with a rebuild once the CMS is back. Ctrl-C stops every child.
 */
import { publisherStatusSchema, type PublisherStatus } from '@clinic/shared-types';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePublisherEnv } from '../publisher/publisher-env.ts';
import { createSupervisor } from './supervise.ts';
import { waitForHttp } from './wait-for-http.ts';

const rootDir = fileURLToPath(new URL('../../../', import.meta.url));
// Node with tsx's loader rather than tsx's CLI: the CLI is one more process between the
// launcher and the CMS, and it reports a child killed by a signal as an exit code.
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

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
  const cmsHost = env.CMS_HOST || env.HOST || '127.0.0.1';
  const cmsEnv: NodeJS.ProcessEnv = {
    ...env,
    // Loopback only: visitors reach the CMS's public endpoint through the publisher's proxy,
    // whose X-Forwarded-For the CMS trusts, so no one may talk to the CMS around it.
    CMS_HOST: cmsHost,
    HOST: cmsHost,
    // Production, as the CMS runs in the stack: secure cookies behind TLS, no dependency
    // checks at boot, config/env/production when there is one. The editor loses nothing:
    // `strapi start` (which the CMS runs either way) already disables schema changes in the
    // Content-Type Builder, which are made with `npm run develop -w cms`, and every other
    // admin screen behaves the same. (Strapi also refuses webhook URLs on localhost typed
    // in the admin in production; the publisher's webhook is registered in code.)
    NODE_ENV: env.NODE_ENV || 'production',
  };
  const cmsHealthUrl = `${env.CMS_URL}/_health`;
  const publisherBase = `http://127.0.0.1:${env.PUBLISHER_PORT}`;
  const statusUrl = `${publisherBase}/status`;
  let rebuildSecret: string | null = null;

  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    void supervisor.stopAll(signal === 'SIGINT' ? 'Ctrl-C' : signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const isAlive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null && !interrupted;

  /** Asks the publisher to rebuild: webhooks sent while a child was down are lost (Strapi never retries). */
  const requestRebuild = async (why: string) => {
    if (!rebuildSecret) return;
    try {
      const res = await fetch(`${publisherBase}/hooks/rebuild`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${rebuildSecret}` },
        signal: AbortSignal.timeout(10_000),
      });
      console.log(`[start] ${why}: ${res.ok ? 'rebuilding the site from the CMS' : `rebuild refused (${res.status})`}`);
    } catch (error) {
      console.log(`[start] ${why}, but the publisher did not take the rebuild: ${String(error)}`);
    }
  };

  supervisor.start({
    name: 'cms',
    command: process.execPath,
    args: ['--import', tsxLoader, 'scripts/start.ts'],
    options: { cwd: path.join(rootDir, 'cms'), env: cmsEnv },
    onStart: (child, restarts) => {
      if (restarts === 0) return;
      void waitForHttp(cmsHealthUrl, { timeoutMs: 5 * 60_000, while: () => isAlive(child) }).then(async (up) => {
        if (up) await requestRebuild('the CMS is back');
      });
    },
  });
  const cmsReady = await waitForHttp(cmsHealthUrl, { timeoutMs: 5 * 60_000, while: () => !interrupted });
  if (!cmsReady) {
    if (!interrupted) await supervisor.stopAll('the CMS did not become healthy in 5 minutes', 1);
    process.exit(await supervisor.done);
  }

  // The CMS generated DATA_DIR/secrets.env on its first start; the publisher reads it too.
  const { options } = parsePublisherEnv(env, rootDir);
  const dataDir = options.dataDir;
  rebuildSecret = options.rebuildSecret;
  supervisor.start({
    name: 'publisher',
    command: process.execPath,
    args: ['--import', tsxLoader, 'scripts/src/publisher/main.ts'],
    options: { cwd: rootDir, env },
    onStart: (child, restarts) => {
      if (restarts === 0) return;
      // It serves the last good build again at once; content may have changed while it was down.
      void waitForHttp(statusUrl, { timeoutMs: 60_000, while: () => isAlive(child) }).then(async (up) => {
        if (up) await requestRebuild('the publisher is back');
      });
    },
  });
  const publisherUp = await waitForHttp(statusUrl, { timeoutMs: 60_000, while: () => !interrupted });
  if (!publisherUp || interrupted) {
    if (!interrupted) await supervisor.stopAll('the publisher did not answer in 60 s', 1);
    process.exit(await supervisor.done);
  }

  const readStatus = async () => publisherStatusSchema.parse(await (await fetch(statusUrl)).json());
  const status = await readStatus();
  let siteState: string;
  if (status.live) {
    // Content may have changed while everything was down: rebuild once, serving the last good build meanwhile.
    if (!status.building) await requestRebuild('serving the last build');
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

/** Polls the publisher until the first build is live or has failed (it retries on its own). */
async function waitForFirstBuild(
  readStatus: () => Promise<PublisherStatus>,
  stop: () => boolean,
): Promise<Pick<PublisherStatus, 'live' | 'lastError'>> {
  for (;;) {
    // The publisher may be restarting (the supervisor brings it back): ask again.
    const status = await readStatus().catch(() => null);
    if (status && (status.live || status.lastError)) return status;
    if (stop()) return { live: null, lastError: null };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

main().catch(async (error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  // Never leave the CMS or the publisher running behind a launcher that gave up.
  await supervisor.stopAll('the launcher failed', 1);
  process.exit(1);
});
