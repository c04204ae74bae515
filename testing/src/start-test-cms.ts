import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRuntimeEnv, SECRET_NAMES } from '@clinic/cms/runtime-env';
import { freePort } from './free-port.ts';
import { createPostgresDatabase, dropPostgresDatabase, type TestDatabase } from './test-database.ts';

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cms');
const strapiBin = path.resolve(cmsDir, '../node_modules/@strapi/strapi/bin/strapi.js');
const tsxCli = path.resolve(cmsDir, '../node_modules/tsx/dist/cli.mjs');

export const TEST_ADMIN = { email: 'editor@example.test', password: 'Test-Passw0rd-Editor' };

export interface TestCms {
  url: string;
  /** The read-only token from DATA_DIR/secrets.env. */
  token: string;
  dataDir: string;
  database: TestDatabase;
  /**
   * Whether this CMS started from a copy of the run's seeded template (see `cms-template.ts`)
   * rather than on an empty database: then its first boot, the seed included, ran in the
   * global setup, and this boot was a later one.
   */
  fromTemplate: boolean;
  /** The Postgres database of this CMS (`DATABASE_URL`); undefined on SQLite. */
  databaseUrl: string | undefined;
  env: NodeJS.ProcessEnv;
  output: () => string;
  /** Stops the CMS process; its data stays, so `restart()` can bring it back. */
  stop(): Promise<void>;
  /** Stops and starts the same CMS again (same data, same port). */
  restart(): Promise<void>;
  /** Stops the CMS for good and deletes its data: the Postgres database and DATA_DIR. */
  dispose(): Promise<void>;
  /**
   * Runs one of the CMS's operator scripts (`scripts/seed.ts`) on this CMS's data, as its npm
   * script does, beside the running CMS, as an operator runs it on a live system.
   */
  runScript(script: string, extraEnv?: NodeJS.ProcessEnv): Promise<ScriptRun>;
}

/** How an operator script ended: its exit status and everything it printed. */
export interface ScriptRun {
  status: number | null;
  stdout: string;
  output: string;
}

export interface StartTestCmsOptions {
  /**
   * `postgres` creates a fresh database on the server of `TEST_DATABASE_URL` and points
   * `DATABASE_URL` at it; `dispose()` drops it.
   * @default 'sqlite'
   */
  database?: TestDatabase;
  /**
   * Boot on an empty database even when the run has a seeded template: for a suite about what a
   * first boot does (the seed itself, what it creates once). Without it the CMS starts from a
   * copy of the template unless `extraEnv` sets a key of `FIRST_BOOT_ENV`.
   * @default false
   */
  fresh?: boolean;
  /** How long the boot may take before it counts as failed. @default 90_000 */
  bootTimeoutMs?: number;
}

/**
 * The environment a first boot writes into the database once (the seed, the first admin, the
 * database and data it runs on, the secrets it starts with). A CMS given any of them boots on
 * an empty database, as the template's first boot never saw them. Everything else the CMS
 * reads (ports, SITE_URL, PUBLISHER_PORT, rate limits, cron...) is read at every boot: the
 * bootstrap re-applies the rebuild webhook's URL and secret and the API tokens' keys each
 * time. A new variable the bootstrap reads only on an empty database belongs here.
 */
export const FIRST_BOOT_ENV: readonly string[] = [
  'SEED_ON_EMPTY',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'ADMIN_FIRSTNAME',
  'ADMIN_LASTNAME',
  'DATA_DIR',
  'DATABASE_URL',
  'UPLOAD_PROVIDER',
  ...SECRET_NAMES,
];

/**
 * The variable through which the global setup (`cms/test/global-setup.ts`) hands the test
 * files its seeded templates, as JSON `CmsTemplates`.
 */
export const CMS_TEMPLATES_VAR = 'TEST_CMS_TEMPLATES';

/** One CMS's state right after its first boot, stopped: what `startTestCms` copies. */
export interface CmsTemplate {
  /** The template's DATA_DIR: the SQLite file, `secrets.env` (matching the database), uploads. */
  dataDir: string;
  /** The Postgres template database (no connections allowed); undefined on SQLite. */
  databaseUrl?: string | undefined;
}

/** The run's templates per database; `pid` is the process that built them (the vitest run). */
export interface CmsTemplates {
  pid: number;
  templates: Partial<Record<TestDatabase, CmsTemplate>>;
}

/** The templates in `env`, or undefined when there are none. */
export function readCmsTemplates(env: NodeJS.ProcessEnv = process.env): CmsTemplates | undefined {
  const raw = env[CMS_TEMPLATES_VAR];
  return raw ? (JSON.parse(raw) as CmsTemplates) : undefined;
}

/** The template a new CMS starts from, or undefined for a first boot on an empty database. */
export function templateFor(
  extraEnv: NodeJS.ProcessEnv,
  database: TestDatabase,
  fresh: boolean,
  env: NodeJS.ProcessEnv = process.env,
): CmsTemplate | undefined {
  if (fresh || FIRST_BOOT_ENV.some((key) => key in extraEnv)) return undefined;
  const template = readCmsTemplates(env)?.templates[database];
  if (template && !fs.existsSync(path.join(template.dataDir, 'secrets.env'))) {
    throw new Error(`The ${database} CMS template in ${CMS_TEMPLATES_VAR} is gone: ${template.dataDir}`);
  }
  return template;
}

export { freePort };

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`CMS exited with ${child.exitCode} before it was healthy:\n${output()}`);
    try {
      const res = await fetch(`${url}/_health`);
      if (res.status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`CMS not healthy after ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts a real Strapi (compiled by the global setup) on a temp DATA_DIR and a free port,
 * on SQLite in DATA_DIR or on a Postgres database of its own, seeded on first boot, with a
 * super admin for the admin API. In the integration and e2e runs the first boot, seed included,
 * happened once per database in the global setup: the CMS starts from a copy of that seeded
 * template (DATA_DIR copied, the Postgres database made with `TEMPLATE`), unless `fresh` or
 * `extraEnv` asks for an empty database (`FIRST_BOOT_ENV`).
 */
export async function startTestCms(
  extraEnv: NodeJS.ProcessEnv = {},
  { database = 'sqlite', fresh = false, bootTimeoutMs }: StartTestCmsOptions = {},
): Promise<TestCms> {
  const template = templateFor(extraEnv, database, fresh);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-cms-'));
  if (template) fs.cpSync(template.dataDir, dataDir, { recursive: true });
  const port = await freePort();
  let databaseUrl: string | undefined;
  try {
    if (database === 'postgres') {
      if (template && !template.databaseUrl) throw new Error(`The postgres CMS template has no database`);
      databaseUrl = await createPostgresDatabase(process.env, { template: template?.databaseUrl });
    }
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    CMS_PORT: String(port),
    CMS_HOST: '127.0.0.1',
    SERVE_ADMIN_PANEL: 'false',
    NODE_ENV: 'production',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    BROWSER: 'none',
    ...extraEnv,
  };
  for (const key of [
    ...SECRET_NAMES,
    // A developer's own database or bucket must never be where a test writes.
    'DATABASE_URL',
    'UPLOAD_PROVIDER',
  ]) {
    if (!(key in extraEnv)) delete env[key];
  }
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  loadRuntimeEnv(env);
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  let child: ChildProcess;

  const boot = async () => {
    child = spawn(process.execPath, [strapiBin, 'start'], { cwd: cmsDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    await waitForHealth(url, child, () => log, bootTimeoutMs);
  };
  const stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const dispose = async () => {
    await stop();
    if (databaseUrl) await dropPostgresDatabase(databaseUrl);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await boot();
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    url,
    token: env.CMS_TOKEN!,
    dataDir,
    database,
    fromTemplate: template !== undefined,
    databaseUrl,
    env,
    output: () => log,
    stop,
    restart: async () => {
      await stop();
      await boot();
    },
    dispose,
    runScript: (script, scriptEnv = {}) =>
      new Promise<ScriptRun>((resolve, reject) => {
        const run = spawn(process.execPath, [tsxCli, script], {
          cwd: cmsDir,
          env: { ...env, ...scriptEnv },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let output = '';
        run.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          output += d.toString();
        });
        run.stderr.on('data', (d: Buffer) => (output += d.toString()));
        run.once('error', reject);
        run.once('close', (status) => resolve({ status, stdout, output }));
      }),
  };
}

/** Logs in to the admin API as the test super admin and returns a bearer JWT. */
export async function adminLogin(cms: TestCms): Promise<string> {
  const res = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(TEST_ADMIN),
  });
  if (!res.ok) throw new Error(`admin login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { data: { token?: string; accessToken?: string } };
  const token = body.data.token ?? body.data.accessToken;
  if (!token) throw new Error(`admin login returned no token: ${JSON.stringify(body)}`);
  return token;
}

/** A request to the admin's content manager API (`/content-manager...`) as an editor; throws on a non-2xx answer. */
export type ContentManagerRequest = (method: string, path: string, body?: unknown) => Promise<Response>;

/** Content manager requests with the bearer JWT `jwt()` returns at the time of each call. */
export function contentManagerClient(cms: Pick<TestCms, 'url'>, jwt: () => string): ContentManagerRequest {
  return async (method, path, body) => {
    const res = await fetchOnLiveSocket(`${cms.url}/content-manager${path}`, {
      method,
      headers: { Authorization: `Bearer ${jwt()}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res;
  };
}

/**
 * `fetch`, sent once more when the kept-alive connection it went out on was closed before any
 * answer ("other side closed"). The CMS closes connections idle for 5 s (Node's keepAliveTimeout);
 * a test that keeps the event loop busy longer (parsing a built site) can send its next request
 * on one the server has just closed, before undici has seen the close. A server closes only
 * idle connections, so it never read that request; a CMS that is down fails the second try.
 */
export async function fetchOnLiveSocket(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    if (!(error instanceof TypeError) || code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, init);
  }
}

/**
 * Creates and publishes `count` short FAQs under "After treatment", ordered after every
 * seeded one, as an editor would: enough to take the FAQ past one page (50 questions).
 * Returns their slugs in FAQ order.
 */
export async function publishExtraFaqs(contentManager: ContentManagerRequest, count: number): Promise<string[]> {
  const slugs: string[] = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(3, '0');
    const slug = `extra-question-${n}`;
    await contentManager('POST', '/collection-types/api::faq.faq/actions/publish', {
      question: `Extra question ${n}: how do I prepare for week ${i}?`,
      slug,
      answer: `Extra answer ${n}. Bring a **notebook**, and see [the programs](/programs/).`,
      topic: 'after-treatment',
      order: 9000 + i,
    });
    slugs.push(slug);
  }
  return slugs;
}
