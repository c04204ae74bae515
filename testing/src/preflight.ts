/**
 * `npm run preflight` (`npm test` runs it first, with the type checks and lint beside it, and
 * starts the suites once it has passed): makes sure Chromium, the PostgreSQL
 * server binaries and nginx are where the suites look for them. As root on Debian or
 * Ubuntu it installs what is missing with apt-get; anywhere else it stops at once with
 * the command to run. Silent when nothing is missing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { defaultTestToolLocations, findMissingTestTools, type TestToolLocations } from './find-test-tools.ts';
import { aptGetInstallArgs, planPreflight } from './plan-preflight.ts';

/** Runs a command to completion; resolves to its exit status and combined output. */
export type RunCommand = (command: string, args: string[]) => { status: number; output: string };

const runCommand: RunCommand = (command, args) => {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}` };
};

/** apt-get failed; the message carries its output. */
export class AptGetError extends Error {
  override name = 'AptGetError';
}

/**
 * `apt-get update` once, then `apt-get install` of the packages, with a policy-rc.d that
 * keeps their services (postgresql, nginx) from starting: the suites start their own. The
 * machine's policy-rc.d, if any, is put back afterwards, whether apt-get succeeded or not.
 */
export function installDebianPackages(
  packages: string[],
  { run = runCommand, policyPath = '/usr/sbin/policy-rc.d' }: { run?: RunCommand; policyPath?: string } = {},
): void {
  const previous = fs.existsSync(policyPath) ? fs.readFileSync(policyPath) : undefined;
  const previousMode = previous ? fs.statSync(policyPath).mode : undefined;
  fs.writeFileSync(
    policyPath,
    '#!/bin/sh\n# Written by the test preflight: start no services on install.\nexit 101\n',
    {
      mode: 0o755,
    },
  );
  fs.chmodSync(policyPath, 0o755);
  try {
    for (const args of [['update', '-qq'], aptGetInstallArgs(packages)]) {
      const { status, output } = run('apt-get', args);
      if (status !== 0) throw new AptGetError(`apt-get ${args.join(' ')} failed (exit ${status}):\n${output}`);
    }
  } finally {
    if (previous === undefined) {
      fs.rmSync(policyPath, { force: true });
    } else {
      fs.writeFileSync(policyPath, previous);
      if (previousMode !== undefined) fs.chmodSync(policyPath, previousMode);
    }
  }
}

function hasAptGet(pathEnv: string): boolean {
  return pathEnv.split(':').some((dir) => dir && fs.existsSync(`${dir}/apt-get`));
}

/** Checks, installs if it may, checks again. Returns the exit code: 0 when the suites can run. */
export function runPreflight(
  locations: TestToolLocations = defaultTestToolLocations(),
  log: (line: string) => void = (line) => console.log(`[preflight] ${line}`),
): number {
  const machine = { isRoot: process.getuid?.() === 0, hasAptGet: hasAptGet(locations.pathEnv) };
  let plan = planPreflight(findMissingTestTools(locations), machine);
  if (plan.action === 'install') {
    plan.lines.forEach((line) => log(line));
    try {
      installDebianPackages(plan.packages);
    } catch (error) {
      log(error instanceof Error ? error.message : String(error));
      return 1;
    }
    plan = planPreflight(findMissingTestTools(locations), machine, true);
  }
  if (plan.action === 'stop') {
    log(plan.message);
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = runPreflight();
}
