import { spawn, type ChildProcess } from 'node:child_process';
import fs, { readFileSync } from 'node:fs';
import os, { networkInterfaces } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@clinic/testing/start-test-cms';
import { eventually } from '@clinic/testing/start-test-system';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every process below `pid`, read from /proc (children of each thread). */
function descendants(pid: number): number[] {
  const found: number[] = [];
  const visit = (parent: number) => {
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${parent}/task`);
    } catch {
      return;
    }
    for (const task of tasks) {
      let children = '';
      try {
        children = fs.readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const child of children.split(' ').filter(Boolean).map(Number)) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(pid);
  return found;
}

/** Alive, as opposed to gone or a zombie no one reaps. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

interface Launched {
  child: ChildProcess;
  output: () => string;
  siteUrl: string;
  cmsPort: number;
  dataDir: string;
  exited: Promise<number | null>;
}

const launched: Launched[] = [];
afterEach(async () => {
  for (const { child, exited, dataDir } of launched.splice(0)) {
    // The children lead their own process groups: stop them through the launcher, then make sure.
    const children = descendants(child.pid!);
    if (child.exitCode === null) child.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    for (const pid of children.filter(isRunning)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 30_000);

/** `npm start`'s launcher on a temp DATA_DIR and free ports, as a user would run it. */
async function launch(): Promise<Launched> {
  const [cmsPort, sitePort, publisherPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-start-'));
  // As package.json's start script runs it: tsx as a loader, no relay process between the
  // signal and the launcher (tsx's CLI gives its child twice 30 ms to acknowledge Ctrl-C, then
  // SIGKILLs it, orphaning Strapi and the publisher, and exits 130: what a busy machine got).
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/src/start/main.ts'], {
    cwd: rootDir,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      CMS_PORT: String(cmsPort),
      SITE_PORT: String(sitePort),
      PUBLISHER_PORT: String(publisherPort),
      // Never the default 4323: the developer's own preview may be running.
      PREVIEW_PORT: String(await freePort()),
      CMS_URL: '',
      SITE_URL: '',
      CMS_TOKEN: '',
      REBUILD_SECRET: '',
      // The admin bundle is not what this test is about; the launcher builds it when asked.
      SERVE_ADMIN_PANEL: 'false',
      LOG_LEVEL: 'warn',
      // Vitest's NODE_ENV=test would otherwise reach the CMS; npm start runs it in production.
      NODE_ENV: '',
      CMS_HOST: '',
      HOST: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const result = { child, output: () => log, siteUrl: `http://127.0.0.1:${sitePort}`, cmsPort, dataDir, exited };
  launched.push(result);
  await eventually(
    () => {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${log}`);
      return log.includes('Press Ctrl-C to stop');
    },
    240_000,
    'npm start to say it is ready',
  );
  return result;
}

describe('npm start', () => {
  it('serves the built site, prints where everything is, and Ctrl-C stops every child', async () => {
    const { child, output, siteUrl, exited } = await launch();
    const page = await fetch(`${siteUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('California Detox');
    expect(output()).toMatch(/Site {6}http:\/\/localhost:\d+\/ {2}\(built\)/);
    expect(output()).toMatch(/Admin {5}http:\/\/localhost:\d+\/admin/);

    const children = descendants(child.pid!);
    expect(children.map(commandOf).join('\n')).toMatch(/strapi\.js start/);
    expect(children.map(commandOf).join('\n')).toMatch(/publisher\/main\.ts/);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await eventually(() => children.every((pid) => !isRunning(pid)), 15_000, 'every child to stop');
  }, 300_000);

  it('keeps the site up through a CMS crash, brings the CMS back and catches up the site', async () => {
    const { child, output, siteUrl, cmsPort } = await launch();
    const strapi = descendants(child.pid!).find((pid) => commandOf(pid).includes('strapi.js start'));
    expect(strapi).toBeDefined();
    expect(readFileSync(`/proc/${strapi}/environ`, 'utf8').split('\0')).toContain('NODE_ENV=production');
    // Only the publisher's proxy may reach the CMS: it listens on the loopback interface alone.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal);
    if (external) await expect(fetch(`http://${external.address}:${cmsPort}/_health`)).rejects.toThrow();

    process.kill(strapi!, 'SIGKILL');
    const killedAt = Date.now();
    const statuses = new Map<number | string, number>();
    let cmsBack = false;
    while (!cmsBack && Date.now() - killedAt < 60_000) {
      const answer = await fetch(`${siteUrl}/`, { signal: AbortSignal.timeout(2000) }).then(
        (res) => res.status,
        (error: unknown) => String(error),
      );
      statuses.set(answer, (statuses.get(answer) ?? 0) + 1);
      cmsBack = await fetch(`http://127.0.0.1:${cmsPort}/_health`, { signal: AbortSignal.timeout(500) }).then(
        (res) => res.ok,
        () => false,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(cmsBack).toBe(true);
    expect([...statuses.keys()]).toEqual([200]);
    expect(statuses.get(200)).toBeGreaterThan(5);
    expect(output()).toContain('[start] cms killed by SIGKILL; restarting it in 1 s');
    await eventually(
      () => output().includes('[start] the CMS is back: rebuilding the site'),
      30_000,
      'a catch-up build',
    );
    expect(isRunning(child.pid!)).toBe(true);
  }, 300_000);
});
