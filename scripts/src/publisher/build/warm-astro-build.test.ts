import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BuildAbortedError, BuildCommandError } from '../errors.ts';
import { createDataDir } from '../testing/fake-site.ts';
import { createWarmAstroBuildRunner, type ClosableRunBuild } from './warm-astro-build.ts';

const tinySite = fileURLToPath(new URL('./__fixtures__/tiny-site/', import.meta.url));

/** A stand-in worker speaking the worker's protocol: `script` runs on each build request. */
function fakeWorker(script: string): string {
  const file = join(tmpdir(), `fake-worker-${process.pid}-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(
    file,
    `let builds = 0;
     process.on('message', (request) => { builds += 1; ${script} });
     process.on('disconnect', () => process.exit(0));`,
  );
  return file;
}

async function run(runBuild: ClosableRunBuild, signal = new AbortController().signal) {
  const lines: string[] = [];
  const outDir = await createDataDir();
  const result = runBuild({ id: 'test', outDir, signal, log: (line) => lines.push(line) });
  return { result, lines, outDir };
}

function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const ok = `console.log('built ' + builds + ' pid ' + process.pid); process.send({ type: 'result', ok: true, rssBytes: 1 });`;

describe('createWarmAstroBuildRunner', () => {
  it('builds a real Astro site twice in one worker process', async () => {
    const runBuild = createWarmAstroBuildRunner({
      siteDir: tinySite,
      workDir: await createDataDir(),
      env: { ...process.env, TINY_SITE_MARK: 'mark-1' },
    });
    try {
      const first = await run(runBuild);
      await first.result;
      const second = await run(runBuild);
      // Astro's own timer splits the build into phases for /status.
      const phases = await second.result;
      for (const phase of ['bundleMs', 'renderMs', 'setupMs', 'integrationsMs'] as const) {
        expect(typeof (phases && phases[phase]), phase).toBe('number');
      }
      for (const { outDir } of [first, second]) {
        expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('Tiny site mark-1');
        expect(existsSync(join(outDir, 'astro-timer.json'))).toBe(false);
      }
      expect(second.lines.some((line) => line.includes('page(s) built'))).toBe(true);
    } finally {
      runBuild.close();
    }
  }, 120_000);

  it('reports every line of a failed build error, without stack frames', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, TINY_SITE_MARK: 'fail' };
    const runBuild = createWarmAstroBuildRunner({ siteDir: tinySite, workDir: await createDataDir(), env });
    try {
      const failed = await run(runBuild);
      const error = await failed.result.then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(BuildCommandError);
      const message = (error as Error).message;
      expect(message).toContain('astro build failed: 2 invalid entries in faqs:');
      expect(message).toContain('- faqs entry "a": answer: Required');
      expect(message).toContain('- faqs entry "b": topic: Required');
      expect(message).not.toMatch(/^\s*at\s/m);
    } finally {
      runBuild.close();
    }
  }, 120_000);

  it('builds one checkout in two runners at once, each in its own work directory', async () => {
    const runners = await Promise.all(
      ['mark-a', 'mark-b'].map(async (mark) => {
        const workDir = await createDataDir();
        const runBuild = createWarmAstroBuildRunner({
          siteDir: tinySite,
          workDir,
          env: { ...process.env, TINY_SITE_MARK: mark },
        });
        return { mark, workDir, runBuild };
      }),
    );
    try {
      // Twice each: the second round overlaps builds with a warm worker, as a live build and a preview would.
      for (let round = 0; round < 2; round += 1) {
        const builds = await Promise.all(runners.map(async ({ runBuild }) => run(runBuild)));
        await Promise.all(builds.map(({ result }) => result));
        builds.forEach(({ outDir }, i) => {
          expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain(`Tiny site ${runners[i]!.mark}`);
          expect(readdirSync(outDir)).toEqual(['index.html']);
        });
      }
      for (const { workDir } of runners) expect(readdirSync(join(workDir, 'cache'))).not.toEqual([]);
      // Nothing of a build is staged in the checkout, where the other runner would see it.
      expect(existsSync(join(tinySite, '.astro', 'pages'))).toBe(false);
    } finally {
      for (const { runBuild } of runners) runBuild.close();
    }
  }, 180_000);

  it('reuses the worker between builds and streams its output', async () => {
    const runBuild = createWarmAstroBuildRunner({
      siteDir: tmpdir(),
      workDir: await createDataDir(),
      env: process.env,
      workerScript: fakeWorker(ok),
    });
    try {
      const first = await run(runBuild);
      await first.result;
      const second = await run(runBuild);
      await second.result;
      const pid = (lines: string[]) => lines.find((l) => l.startsWith('built'))?.split(' pid ')[1];
      expect(first.lines[0]).toMatch(/^built 1 pid/);
      expect(second.lines[0]).toMatch(/^built 2 pid/);
      expect(pid(second.lines)).toBe(pid(first.lines));
    } finally {
      runBuild.close();
    }
  });

  it("counts Astro's warnings about unchanged uploads (a 304 it reads as a redirect) in one line instead of one each", async () => {
    const warning = (n: number) =>
      `01:02:03 [WARN] An error was encountered while revalidating a cached remote asset. Proceeding with stale cache. Error: Failed to revalidate cached remote image http://127.0.0.1:1337/uploads/photo_${n}.jpg. The request was redirected.`;
    const runBuild = createWarmAstroBuildRunner({
      siteDir: tmpdir(),
      workDir: await createDataDir(),
      env: process.env,
      workerScript: fakeWorker(
        `console.log(${JSON.stringify(warning(1))}); console.log('generating optimized images'); console.log(${JSON.stringify(warning(2))});
         setTimeout(() => process.send({ type: 'result', ok: true, rssBytes: 1 }), 100);`,
      ),
    });
    try {
      const { result, lines } = await run(runBuild);
      await result;
      expect(lines).toEqual([
        'generating optimized images',
        '[images] 2 image files kept from the cache: their uploads are unchanged (the CMS answered 304)',
      ]);
    } finally {
      runBuild.close();
    }
  });

  it("fails with the build's own message", async () => {
    const runBuild = createWarmAstroBuildRunner({
      siteDir: tmpdir(),
      workDir: await createDataDir(),
      env: process.env,
      workerScript: fakeWorker(
        `process.send({ type: 'result', ok: false, message: 'Could not reach the CMS at CMS_URL=x', rssBytes: 1 });`,
      ),
    });
    try {
      const { result } = await run(runBuild);
      await expect(result).rejects.toThrow(
        new BuildCommandError('astro build failed: Could not reach the CMS at CMS_URL=x'),
      );
    } finally {
      runBuild.close();
    }
  });

  it('kills a build past the timeout, and the next build gets a fresh worker', async () => {
    const script = fakeWorker(`console.log('pid ' + process.pid); setInterval(() => {}, 1000);`);
    const runBuild = createWarmAstroBuildRunner({
      siteDir: tmpdir(),
      workDir: await createDataDir(),
      env: process.env,
      workerScript: script,
      // Long enough for the worker to start and print, short enough for a test.
      timeoutMs: 2000,
    });
    try {
      const first = await run(runBuild);
      await expect(first.result).rejects.toThrow(/timed out/);
      const second = await run(runBuild);
      await expect(second.result).rejects.toThrow(/timed out/);
      expect(first.lines[0]).toMatch(/^pid \d+$/);
      expect(second.lines[0]).toMatch(/^pid \d+$/);
      expect(second.lines[0]).not.toBe(first.lines[0]);
    } finally {
      runBuild.close();
    }
  }, 20_000);

  it('stops the worker and everything it started when aborted', async () => {
    const controller = new AbortController();
    const runBuild = createWarmAstroBuildRunner({
      siteDir: tmpdir(),
      workDir: await createDataDir(),
      env: process.env,
      workerScript: fakeWorker(
        `const { spawn } = require('node:child_process');
         const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
         console.log('child ' + child.pid);`,
      ),
    });
    const { result, lines } = await run(runBuild, controller.signal);
    await expect.poll(() => lines.find((line) => line.startsWith('child '))).toBeDefined();
    const grandchild = Number(lines.find((line) => line.startsWith('child '))?.slice(6));
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(BuildAbortedError);
    await expect.poll(() => isRunning(grandchild), { timeout: 8000 }).toBe(false);
    runBuild.close();
  });

  it('reports a worker that dies mid-build', async () => {
    const runBuild = createWarmAstroBuildRunner({
      siteDir: tmpdir(),
      workDir: await createDataDir(),
      env: process.env,
      workerScript: fakeWorker('process.exit(7);'),
    });
    const { result } = await run(runBuild);
    await expect(result).rejects.toThrow(new BuildCommandError('the build worker exited with code 7'));
    runBuild.close();
  });

  it('sends the worker the documents that changed, and null for everything', async () => {
    const runBuild = createWarmAstroBuildRunner({
      siteDir: tmpdir(),
      workDir: await createDataDir(),
      env: process.env,
      workerScript: fakeWorker(
        `console.log('changes ' + JSON.stringify(request.changes)); process.send({ type: 'result', ok: true, rssBytes: 1 });`,
      ),
    });
    try {
      const seen: string[] = [];
      for (const changes of [{ faq: ['abc123'], condition: ['c1', 'c2'] }, null, undefined]) {
        const outDir = await createDataDir();
        await runBuild({
          id: 'test',
          outDir,
          signal: new AbortController().signal,
          log: (line) => seen.push(line),
          ...(changes === undefined ? {} : { changes }),
        });
      }
      expect(seen).toEqual(['changes {"faq":["abc123"],"condition":["c1","c2"]}', 'changes null', 'changes null']);
    } finally {
      runBuild.close();
    }
  });

  it('retires a worker after maxBuildsPerWorker builds', async () => {
    const runBuild = createWarmAstroBuildRunner({
      siteDir: tmpdir(),
      workDir: await createDataDir(),
      env: process.env,
      workerScript: fakeWorker(ok),
      maxBuildsPerWorker: 1,
    });
    try {
      const first = await run(runBuild);
      await first.result;
      const second = await run(runBuild);
      await second.result;
      expect(second.lines[0]).toMatch(/^built 1 pid/);
      expect(second.lines[0]).not.toBe(first.lines[0]);
      expect(first.lines).toContain(
        '[publisher] build worker replaced after this build: 1 build, the most a worker runs',
      );
    } finally {
      runBuild.close();
    }
  });

  it('replaces a worker that grew past its limit, which a large first build raises', async () => {
    const mb = 1024 ** 2;
    // The memory each build of a worker leaves: the first worker's first build is large (a large
    // site), its second grows a little, its third by more than the allowed growth.
    const runBuild = createWarmAstroBuildRunner({
      siteDir: tmpdir(),
      workDir: await createDataDir(),
      env: process.env,
      workerScript: fakeWorker(
        `console.log('built ' + builds + ' pid ' + process.pid);
         process.send({ type: 'result', ok: true, rssBytes: [0, 900, 1100, 1500][builds] * ${mb} });`,
      ),
      maxRssBytes: 1000 * mb,
      maxRssGrowthBytes: 500 * mb,
    });
    try {
      const runs = [];
      for (let i = 0; i < 4; i++) {
        const build = await run(runBuild);
        await build.result;
        runs.push(build.lines);
      }
      // 900 MB is under max(1000, 900 + 500) MB, and so is 1100 MB; 1500 MB is not.
      expect(runs.map((lines) => lines[0]?.replace(/ pid \d+$/, ''))).toEqual([
        'built 1',
        'built 2',
        'built 3',
        'built 1',
      ]);
      expect(runs[2]).toContain(
        '[publisher] build worker replaced after this build: it holds 1500 MB, over its limit of 1400 MB',
      );
      expect(runs.slice(0, 2).flat().join('\n')).not.toContain('replaced');
    } finally {
      runBuild.close();
    }
  });

  it('does not start a build that is already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const runBuild = createWarmAstroBuildRunner({
      siteDir: tmpdir(),
      workDir: await createDataDir(),
      env: process.env,
      workerScript: fakeWorker(ok),
    });
    const { result, lines } = await run(runBuild, controller.signal);
    await expect(result).rejects.toBeInstanceOf(BuildAbortedError);
    expect(lines).toEqual([]);
    runBuild.close();
  });
});
