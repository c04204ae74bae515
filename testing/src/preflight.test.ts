import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AptGetError, installDebianPackages, type RunCommand } from './preflight.ts';

let dir: string;
let policyPath: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-preflight-'));
  policyPath = path.join(dir, 'policy-rc.d');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fake apt-get that records each call and what policy-rc.d said while it ran. */
function recordingRun(failOn?: string) {
  const calls: { args: string[]; policy: string }[] = [];
  const run: RunCommand = (command, args) => {
    calls.push({ args: [command, ...args], policy: fs.readFileSync(policyPath, 'utf8') });
    return args[0] === failOn ? { status: 100, output: 'E: Unable to locate package' } : { status: 0, output: '' };
  };
  return { run, calls };
}

describe('installDebianPackages', () => {
  it('updates once, installs only the given packages, and keeps services from starting meanwhile', () => {
    const { run, calls } = recordingRun();
    installDebianPackages(['nginx', 'postgresql'], { run, policyPath });
    expect(calls.map((call) => call.args)).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'nginx', 'postgresql'],
    ]);
    for (const call of calls) expect(call.policy).toMatch(/exit 101/);
    expect(fs.existsSync(policyPath)).toBe(false);
  });

  it("puts the machine's own policy-rc.d back afterwards", () => {
    fs.writeFileSync(policyPath, '#!/bin/sh\nexit 0\n', { mode: 0o750 });
    installDebianPackages(['nginx'], { run: recordingRun().run, policyPath });
    expect(fs.readFileSync(policyPath, 'utf8')).toBe('#!/bin/sh\nexit 0\n');
    expect(fs.statSync(policyPath).mode & 0o777).toBe(0o750);
  });

  it('restores policy-rc.d and reports apt-get output when the install fails', () => {
    const { run } = recordingRun('install');
    expect(() => installDebianPackages(['chromium'], { run, policyPath })).toThrow(AptGetError);
    expect(() => installDebianPackages(['chromium'], { run, policyPath })).toThrow(/Unable to locate package/);
    expect(fs.existsSync(policyPath)).toBe(false);
  });
});
