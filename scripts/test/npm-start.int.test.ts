import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../cms/test/start-test-cms.ts';
import { eventually } from './start-test-system.ts';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsxCli = path.join(rootDir, 'node_modules/tsx/dist/cli.mjs');

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
  exited: Promise<number | null>;
}

const launched: Launched[] = [];
afterEach(() => {
  for (const { child } of launched.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** `npm start`'s launcher on a temp DATA_DIR and free ports, as a user would run it. */
async function launch(): Promise<Launched> {
  const [cmsPort, sitePort, publisherPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-start-'));
  const child = spawn(process.execPath, [tsxCli, 'scripts/src/start/main.ts'], {
    cwd: rootDir,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      CMS_PORT: String(cmsPort),
      SITE_PORT: String(sitePort),
      PUBLISHER_PORT: String(publisherPort),
      CMS_URL: '',
      SITE_URL: '',
      CMS_TOKEN: '',
      REBUILD_SECRET: '',
      // The admin bundle is not what this test is about; the launcher builds it when asked.
      SERVE_ADMIN_PANEL: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const result = { child, output: () => log, siteUrl: `http://127.0.0.1:${sitePort}`, exited };
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

  it('reports a child that dies and stops the rest instead of half-running', async () => {
    const { child, output, exited } = await launch();
    const children = descendants(child.pid!);
    const strapi = children.find((pid) => commandOf(pid).includes('strapi.js start'));
    expect(strapi).toBeDefined();
    process.kill(strapi!, 'SIGKILL');
    expect(await exited).toBe(1);
    expect(output()).toMatch(/\[start\] cms exited unexpectedly/);
    await eventually(() => children.every((pid) => !isRunning(pid)), 15_000, 'every other child to stop');
  }, 300_000);
});
