import { spawn, type ChildProcess } from 'node:child_process';
import { publisherStatusSchema, type PublisherStatus } from '@clinic/shared-types';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  adminLogin,
  contentManagerClient,
  freePort,
  startTestCms,
  type ContentManagerRequest,
  type TestCms,
} from './start-test-cms.ts';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Node with tsx's loader, not tsx's CLI: the CLI runs the publisher as a child of its own, so
// `killPublisher('SIGKILL')` killed the CLI and left the real publisher running, still
// answering on its ports for the publisher started next (as npm start, see scripts/src/start).
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

export interface TestSystem {
  cms: TestCms;
  /** Mutable: a test that restarts the CMS logs in again. */
  siteUrl: string;
  hooksUrl: string;
  /** The publisher's draft preview listener. */
  previewUrl: string;
  adminJwt: string;
  status(): Promise<PublisherStatus>;
  /** A request to the admin's content manager API as the test admin; throws on a non-2xx answer. */
  contentManager: ContentManagerRequest;
  publisherOutput(): string;
  startPublisher(): Promise<void>;
  killPublisher(signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole system as `npm start` runs it, on a temp DATA_DIR and free ports: a real
 * Strapi seeded on first boot, whose webhook points at a real publisher process that
 * builds the real site with Astro.
 */
export async function startTestSystem({
  // The publisher's default quiet window: the coalescing test measures the real behaviour.
  quietMs = '1000',
  cmsEnv = {},
  prepareCms,
}: {
  quietMs?: string | undefined;
  /** More CMS environment, e.g. `SERVE_ADMIN_PANEL` or the call-back form's guards. */
  cmsEnv?: NodeJS.ProcessEnv;
  /**
   * Runs once the CMS has booted seeded, before the admin logs in and the publisher starts, so
   * the publisher's first build sees what it did: e.g. stop the CMS, write to the database in
   * its `dataDir`, restart it (a bulk load of content for a bench at scale).
   */
  prepareCms?: ((cms: TestCms) => Promise<void>) | undefined;
} = {}): Promise<TestSystem> {
  const sitePort = await freePort();
  const hooksPort = await freePort();
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  const hooksUrl = `http://127.0.0.1:${hooksPort}`;
  const previewPort = await freePort();
  const previewUrl = `http://127.0.0.1:${previewPort}`;
  const cms = await startTestCms({
    PUBLISHER_PORT: String(hooksPort),
    SITE_URL: siteUrl,
    PREVIEW_URL: previewUrl,
    CALL_REQUEST_TRUST_PROXY: 'true',
    ...cmsEnv,
  });
  if (prepareCms) {
    try {
      await prepareCms(cms);
    } catch (error) {
      await cms.stop();
      throw error;
    }
  }
  const adminJwt = await adminLogin(cms);
  let publisher: ChildProcess | null = null;
  let log = '';

  const status = async (): Promise<PublisherStatus> =>
    publisherStatusSchema.parse(await (await fetch(`${hooksUrl}/status`)).json());

  const startPublisher = async () => {
    log += '\n--- publisher start ---\n';
    publisher = spawn(process.execPath, ['--import', tsxLoader, 'scripts/src/publisher/main.ts'], {
      cwd: rootDir,
      env: {
        ...cms.env,
        CMS_URL: cms.url,
        SITE_URL: siteUrl,
        SITE_PORT: String(sitePort),
        SITE_HOST: '127.0.0.1',
        PUBLISHER_PORT: String(hooksPort),
        PREVIEW_PORT: String(previewPort),
        PREVIEW_URL: previewUrl,
        BUILD_QUIET_MS: quietMs,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    publisher.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    publisher.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await status();
        return;
      } catch {
        if (Date.now() > deadline || publisher.exitCode !== null) throw new Error(`publisher did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };

  const killPublisher = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const child = publisher;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
    // Whatever answers now is not the publisher started here: a restart must not be fooled by it.
    const deadline = Date.now() + 10_000;
    while (
      await status().then(
        () => true,
        () => false,
      )
    ) {
      if (Date.now() > deadline)
        throw new Error(`a publisher still answers on ${hooksUrl} after ours exited (${signal})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  await startPublisher();
  const system: TestSystem = {
    cms,
    siteUrl,
    hooksUrl,
    previewUrl,
    adminJwt,
    status,
    contentManager: contentManagerClient(cms, () => system.adminJwt),
    publisherOutput: () => log,
    startPublisher,
    killPublisher,
    stop: async () => {
      await killPublisher();
      await cms.stop();
    },
  };
  return system;
}

/** Polls until `check` passes or `timeoutMs` runs out; returns how long it took. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
