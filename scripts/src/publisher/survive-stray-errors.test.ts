import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stray-errors-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs a script in a fresh Node process (as main.ts runs), with or without the guard. */
async function runChild(guarded: boolean): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const guard = fileURLToPath(new URL('./survive-stray-errors.ts', import.meta.url));
  const logger = fileURLToPath(new URL('./logger.ts', import.meta.url));
  const script = join(dir, `child-${guarded ? 'guarded' : 'bare'}.ts`);
  await writeFile(
    script,
    `import { surviveStrayErrors } from ${JSON.stringify(guard)};
import { consoleLogger } from ${JSON.stringify(logger)};
if (${guarded}) surviveStrayErrors(process, consoleLogger);
setTimeout(() => { throw new Error('thrown from a callback\\n[publisher] forged line'); }, 10);
void Promise.reject(new Error('rejected and never awaited'));
setTimeout(() => { console.log('still alive'); }, 200);
`,
  );
  const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 20_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('surviveStrayErrors', () => {
  it('keeps the process running through an uncaught exception and an unhandled rejection, logging each as one line', async () => {
    const child = await runChild(true);
    expect(child.stdout).toContain('still alive');
    expect(child.status).toBe(0);
    const lines = child.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.some((line) => line.includes('thrown from a callback\\n[publisher] forged line'))).toBe(true);
    expect(lines.some((line) => line.includes('rejected and never awaited'))).toBe(true);
  });

  it('ends the process once whoever read its output is gone, instead of failing to log forever', async () => {
    const guard = fileURLToPath(new URL('./survive-stray-errors.ts', import.meta.url));
    const logger = fileURLToPath(new URL('./logger.ts', import.meta.url));
    const script = join(dir, 'child-orphaned.ts');
    await writeFile(
      script,
      `import { surviveStrayErrors } from ${JSON.stringify(guard)};
import { consoleLogger } from ${JSON.stringify(logger)};
surviveStrayErrors(process, consoleLogger);
console.log('ready');
setInterval(() => console.log('still serving'), 20);
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      // The reader dies, as a launcher killed with SIGKILL does: both pipes close.
      child.stdout.destroy();
      child.stderr.destroy();
      const status = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 10_000))]);
      expect(status).toBe(1);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('is what stands between such an error and the end of the process', async () => {
    const child = await runChild(false);
    expect(child.stdout).not.toContain('still alive');
    expect(child.status).not.toBe(0);
  });
});
