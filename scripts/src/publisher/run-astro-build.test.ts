import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildAbortedError, BuildCommandError } from './errors.ts';
import { createAstroBuildRunner, resolveAstroCommand } from './run-astro-build.ts';
import { createDataDir } from './testing/fake-site.ts';

/** A stand-in for `astro`: a Node script that receives `build --outDir <dir>`. */
function fakeAstro(script: string, options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}) {
  return createAstroBuildRunner({
    siteDir: tmpdir(),
    env: { ...process.env, ...options.env },
    timeoutMs: options.timeoutMs ?? 10_000,
    command: [process.execPath, '-e', script],
  });
}

async function run(runBuild: ReturnType<typeof createAstroBuildRunner>, signal = new AbortController().signal) {
  const lines: string[] = [];
  const outDir = await createDataDir();
  const result = runBuild({ id: 'test', outDir, signal, log: (line) => lines.push(line) });
  return { result, lines, outDir };
}

/** Running, as opposed to gone or a zombie waiting for a parent that does not reap (PID 1 here). */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('createAstroBuildRunner', () => {
  it('passes build --outDir and the environment, and streams output line by line', async () => {
    const { result, lines, outDir } = await run(
      fakeAstro(
        `console.log(process.argv.slice(1).join(' ')); console.error('\\u001b[31mwarn\\u001b[39m ' + process.env.CMS_URL);`,
        {
          env: { CMS_URL: 'http://cms.test' },
        },
      ),
    );
    await result;
    expect(lines).toContain(`build --outDir ${outDir}`);
    expect(lines).toContain('warn http://cms.test');
  });

  it('fails with the exit code when the build exits non-zero', async () => {
    const { result } = await run(fakeAstro(`console.error('[ERROR] boom'); process.exit(3);`));
    await expect(result).rejects.toThrow(new BuildCommandError('astro build exited with code 3'));
  });

  it('kills a build that runs past the timeout', async () => {
    const { result } = await run(fakeAstro('setInterval(() => {}, 1000);', { timeoutMs: 200 }));
    await expect(result).rejects.toThrow(/timed out/);
  });

  it('stops the whole process group when aborted', async () => {
    const controller = new AbortController();
    const { result, lines } = await run(
      fakeAstro(
        `const { spawn } = require('node:child_process');
         const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
         console.log('child ' + child.pid);
         setInterval(() => {}, 1000);`,
      ),
      controller.signal,
    );
    await expect.poll(() => lines.find((line) => line.startsWith('child '))).toBeDefined();
    const grandchild = Number(lines.find((line) => line.startsWith('child '))?.slice(6));
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(BuildAbortedError);
    await expect.poll(() => isRunning(grandchild)).toBe(false);
  });

  it('reports a command that cannot be started', async () => {
    const runBuild = createAstroBuildRunner({ siteDir: tmpdir(), env: process.env, command: ['/nonexistent/astro'] });
    const { result } = await run(runBuild);
    await expect(result).rejects.toThrow(/could not start \/nonexistent\/astro/);
  });
});

describe('resolveAstroCommand', () => {
  it("runs the workspace's installed astro with this Node", () => {
    const [node, cli] = resolveAstroCommand(join(import.meta.dirname, '../../../site'));
    expect(node).toBe(process.execPath);
    expect(cli).toMatch(/node_modules\/astro\/astro\.js$/);
  });

  it('falls back to npx where astro is not installed', () => {
    expect(resolveAstroCommand('/')).toEqual(['npx', '--no-install', 'astro']);
  });
});
