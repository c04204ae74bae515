import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildLockPath, withBuildLock } from './build-state.ts';

const cmsDirs: string[] = [];
function tempCmsDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-lock-'));
  cmsDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of cmsDirs.splice(0)) {
    fs.rmSync(buildLockPath(dir), { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function holdLock(cmsDir: string, pid: number): void {
  fs.mkdirSync(buildLockPath(cmsDir));
  fs.writeFileSync(path.join(buildLockPath(cmsDir), 'pid'), String(pid));
}

describe('withBuildLock', () => {
  it('waits while a live process holds the lock, then runs', async () => {
    const cmsDir = tempCmsDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      holdLock(cmsDir, holder.pid ?? 0);
      // In a child: the lock waits synchronously and would block this test's timers.
      const waiter = withBuildLockInChild(cmsDir);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(waiter.finished(), 'the waiter ran while the lock was held').toBe(false);
      fs.rmSync(buildLockPath(cmsDir), { recursive: true, force: true });
      await waiter.done;
      expect(waiter.finished()).toBe(true);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock whose holder has died, and releases it after a failure', () => {
    const cmsDir = tempCmsDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    const deadPid = dead.pid ?? 0;
    holdLock(cmsDir, deadPid);
    // Make sure the holder really is gone before asking.
    return new Promise<void>((resolve) => dead.on('exit', () => resolve())).then(() => {
      expect(() =>
        withBuildLock(cmsDir, () => {
          expect(fs.readFileSync(path.join(buildLockPath(cmsDir), 'pid'), 'utf8')).toBe(String(process.pid));
          throw new Error('compile failed');
        }),
      ).toThrow('compile failed');
      expect(fs.existsSync(buildLockPath(cmsDir))).toBe(false);
      expect(withBuildLock(cmsDir, () => 'built')).toBe('built');
    });
  });
});

/** Runs withBuildLock in a child process; `done` settles when the child has run `fn` and exited. */
function withBuildLockInChild(cmsDir: string): { done: Promise<void>; finished: () => boolean } {
  const code = `
    const loaded = await import(${JSON.stringify(path.join(import.meta.dirname, 'build-state.ts'))});
    const { withBuildLock } = loaded.default ?? loaded; // the CMS is CommonJS
    withBuildLock(${JSON.stringify(cmsDir)}, () => {});
  `;
  let exited = false;
  const done = new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (status) => {
      exited = true;
      if (status === 0) resolve();
      else reject(new Error(`child exited ${status}`));
    });
  });
  return { done, finished: () => exited };
}
