import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { BuildAbortedError, BuildCommandError } from './errors.ts';
import type { RunBuild } from './run-build.ts';

export interface AstroBuildOptions {
  /** The Astro project (the `site/` workspace); the build runs there. */
  siteDir: string;
  /** Environment of the build (`CMS_URL`, `CMS_TOKEN`, `SITE_URL`, `PATH`, ...). */
  env: NodeJS.ProcessEnv;
  /**
   * A build running longer is killed and counts as failed.
   * @default 300000
   */
  timeoutMs?: number;
  /**
   * Command and leading arguments; `build --outDir <dir>` is appended.
   * @default the workspace's own `astro` run with this Node, else `npx astro`
   */
  command?: readonly string[];
}

/** Grace between SIGTERM and SIGKILL when a build is stopped. */
const KILL_GRACE_MS = 5000;

// Escape sequences would garble `/status` and the admin's error panel.
// eslint-disable-next-line no-control-regex
const ANSI_PATTERN = /\u001b\[[0-9;?]*[A-Za-z]/g;

/**
 * The installed `astro` CLI, found the way npx would (nearest `node_modules` upwards), and run
 * with this Node directly: npx would add its own start-up time to every publish.
 */
export function resolveAstroCommand(siteDir: string): readonly string[] {
  for (let dir = siteDir; ; dir = dirname(dir)) {
    const cli = join(dir, 'node_modules', 'astro', 'astro.js');
    if (existsSync(cli)) return [process.execPath, cli];
    if (dirname(dir) === dir) return ['npx', '--no-install', 'astro'];
  }
}

/** The default build step: `astro build --outDir <dir>` in the site workspace. */
export function createAstroBuildRunner(options: AstroBuildOptions): RunBuild {
  const timeoutMs = options.timeoutMs ?? 300_000;
  return ({ outDir, signal, log }) =>
    new Promise<void>((resolve, reject) => {
      const [command, ...prefix] = options.command ?? resolveAstroCommand(options.siteDir);
      if (!command) {
        reject(new BuildCommandError('no build command configured'));
        return;
      }
      if (signal.aborted) {
        reject(new BuildAbortedError('build cancelled before it started'));
        return;
      }
      const child = spawn(command, [...prefix, 'build', '--outDir', outDir], {
        cwd: options.siteDir,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Own process group, so a stop reaches npx's and astro's children too.
        detached: true,
      });

      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
          log(line.replace(ANSI_PATTERN, ''));
        });
      }

      let stopReason: Error | null = null;
      let killTimer: NodeJS.Timeout | undefined;
      const stop = (reason: Error): void => {
        if (stopReason) return;
        stopReason = reason;
        signalGroup('SIGTERM');
        killTimer = setTimeout(() => signalGroup('SIGKILL'), KILL_GRACE_MS);
      };
      const signalGroup = (name: NodeJS.Signals): void => {
        if (child.pid === undefined) return;
        try {
          process.kill(-child.pid, name);
        } catch {
          // Already gone.
        }
      };
      const timeout = setTimeout(() => {
        stop(new BuildCommandError(`astro build timed out after ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      const onAbort = (): void => stop(new BuildAbortedError('build cancelled: the publisher is shutting down'));
      signal.addEventListener('abort', onAbort, { once: true });

      let settled = false;
      const finish = (error: Error | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timeout);
        clearTimeout(killTimer);
        signal.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve();
      };
      child.on('error', (error) => {
        finish(new BuildCommandError(`could not start ${command}: ${error.message}`));
      });
      child.on('close', (code, killedBy) => {
        if (stopReason) finish(stopReason);
        else if (code === 0) finish(null);
        else
          finish(
            new BuildCommandError(`astro build ${killedBy ? `was killed by ${killedBy}` : `exited with code ${code}`}`),
          );
      });
    });
}
