import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createSupervisor, type Supervisor } from './supervise.ts';

/** Alive, as opposed to gone or a zombie no one reaps. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const node = (script: string) => ({ command: process.execPath, args: ['-e', script] });
const idle = 'setInterval(() => {}, 1000)';
const fast = { baseMs: 50, maxMs: 200, stableMs: 60_000 };
/**
 * Each child is a fresh node process: under `npm test`, with the type check, lint and other
 * suites on two cores, starting three of them in a row took longer than expect.poll's 1 s.
 */
const SLOW_SPAWN = { timeout: 15_000 };

const supervisors: Supervisor[] = [];
afterEach(async () => {
  await Promise.all(supervisors.splice(0).map((s) => s.stopAll('test over')));
});

function supervise(options: Parameters<typeof createSupervisor>[0] = {}) {
  const lines: string[] = [];
  const supervisor = createSupervisor({ backoff: fast, graceMs: 2000, log: (line) => lines.push(line), ...options });
  supervisors.push(supervisor);
  return { supervisor, lines };
}

describe('createSupervisor', () => {
  it('restarts a child killed by SIGKILL and names the signal', async () => {
    const { supervisor, lines } = supervise();
    const starts: Array<{ pid: number; restarts: number }> = [];
    const child = supervisor.start({
      name: 'cms',
      ...node(idle),
      onStart: (process: ChildProcess, restarts) => starts.push({ pid: process.pid!, restarts }),
    });
    await expect.poll(() => starts.length, SLOW_SPAWN).toBe(1);
    process.kill(starts[0]!.pid, 'SIGKILL');
    await expect.poll(() => starts.length, SLOW_SPAWN).toBe(2);
    expect(starts[1]!.restarts).toBe(1);
    expect(starts[1]!.pid).not.toBe(starts[0]!.pid);
    expect(child.current?.pid).toBe(starts[1]!.pid);
    expect(lines).toContain('[start] cms killed by SIGKILL; restarting it in 0.05 s');
  });

  it('keeps the other children running while one is restarted', async () => {
    const { supervisor, lines } = supervise();
    supervisor.start({ name: 'cms', ...node('process.exit(3)') });
    const publisher = supervisor.start({ name: 'publisher', ...node(idle) });
    const publisherPid = publisher.current!.pid!;
    await expect.poll(() => lines.length, SLOW_SPAWN).toBeGreaterThanOrEqual(3);
    expect(isRunning(publisherPid)).toBe(true);
    expect(publisher.current?.pid).toBe(publisherPid);
  });

  it('backs off longer after each crash in a row, up to the cap', async () => {
    const { supervisor, lines } = supervise();
    supervisor.start({ name: 'cms', ...node('process.exit(1)') });
    await expect.poll(() => lines.length, SLOW_SPAWN).toBeGreaterThanOrEqual(4);
    expect(lines.slice(0, 4)).toEqual([
      '[start] cms exited with code 1; restarting it in 0.05 s',
      '[start] cms exited with code 1; restarting it in 0.1 s',
      '[start] cms exited with code 1; restarting it in 0.2 s',
      '[start] cms exited with code 1; restarting it in 0.2 s',
    ]);
  });

  it('clears what a crashed child left behind before restarting it', async () => {
    const { supervisor } = supervise();
    const pids: number[] = [];
    supervisor.start({
      name: 'cms',
      // The grandchild stands for Strapi under its wrapper: it would keep the port.
      ...node(
        `const c = require('node:child_process').spawn(process.execPath, ['-e', '${idle}'], { stdio: 'ignore' });
         console.log(c.pid); ${idle}`,
      ),
      onStart: (child) => child.stdout?.once('data', (chunk: Buffer) => pids.push(Number(chunk.toString().trim()))),
    });
    await expect.poll(() => pids.length, SLOW_SPAWN).toBe(1);
    const [grandchild] = pids;
    // Kill only the wrapper, as `kill -9` of the wrong pid would.
    const parent = Number(readFileSync(`/proc/${grandchild}/stat`, 'utf8').split(' ')[3]);
    process.kill(parent, 'SIGKILL');
    await expect.poll(() => isRunning(grandchild!), SLOW_SPAWN).toBe(false);
    await expect.poll(() => pids.length, SLOW_SPAWN).toBe(2);
  });

  it('stops every child and cancels a pending restart on stopAll', async () => {
    const { supervisor, lines } = supervise({ backoff: { baseMs: 60_000 } });
    const crashing = supervisor.start({ name: 'cms', ...node('process.exit(1)') });
    const running = supervisor.start({ name: 'publisher', ...node(idle) });
    const pid = running.current!.pid!;
    await expect.poll(() => crashing.current, SLOW_SPAWN).toBeNull();
    const started = Date.now();
    await supervisor.stopAll('Ctrl-C');
    expect(await supervisor.done).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(isRunning(pid)).toBe(false);
    expect(lines).toContain('[start] Ctrl-C: stopping cms, publisher');
    expect(crashing.current).toBeNull();
  });

  it('kills a child that ignores SIGTERM after the grace period', async () => {
    const { supervisor } = supervise({ graceMs: 300 });
    const stubborn = supervisor.start({ name: 'cms', ...node(`process.on('SIGTERM', () => {}); ${idle}`) });
    const pid = stubborn.current!.pid!;
    // Give it time to install its handler.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await supervisor.stopAll('the launcher failed', 1);
    expect(await supervisor.done).toBe(1);
    expect(isRunning(pid)).toBe(false);
  });
});
