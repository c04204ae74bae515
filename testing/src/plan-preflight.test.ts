import { describe, expect, it } from 'vitest';
import type { TestTool } from './find-test-tools.ts';
import { planPreflight, sudoInstallCommand } from './plan-preflight.ts';

const chromium: TestTool = { name: 'Chromium', debianPackage: 'chromium', lookedAt: '/usr/lib/chromium/chromium' };
const nginx: TestTool = { name: 'nginx', debianPackage: 'nginx', lookedAt: '/usr/sbin/nginx' };
const root = { isRoot: true, hasAptGet: true };

describe('planPreflight', () => {
  it('runs the suites when nothing is missing, whoever runs them', () => {
    expect(planPreflight([], root)).toEqual({ action: 'run' });
    expect(planPreflight([], { isRoot: false, hasAptGet: false })).toEqual({ action: 'run' });
  });

  it('installs exactly the missing packages as root with apt-get, one line per tool', () => {
    const plan = planPreflight([chromium, nginx], root);
    expect(plan).toEqual({
      action: 'install',
      packages: ['chromium', 'nginx'],
      lines: [
        'Chromium is missing: installing the Debian package chromium with apt-get',
        'nginx is missing: installing the Debian package nginx with apt-get',
      ],
    });
  });

  it('stops with the one sudo command for the missing packages when not root', () => {
    const plan = planPreflight([nginx], { isRoot: false, hasAptGet: true });
    expect(plan.action).toBe('stop');
    if (plan.action !== 'stop') return;
    expect(plan.message).toContain('nginx (looked for /usr/sbin/nginx)');
    expect(plan.message).toContain(sudoInstallCommand(['nginx']));
    expect(plan.message).not.toContain('chromium');
  });

  it('stops without trying apt-get where there is none, even as root', () => {
    const plan = planPreflight([chromium], { isRoot: true, hasAptGet: false });
    expect(plan.action).toBe('stop');
    if (plan.action !== 'stop') return;
    expect(plan.message).toMatch(/package manager/);
    expect(plan.message).toContain('/usr/lib/chromium/chromium');
  });

  it('stops instead of installing again when a tool is still missing after the install', () => {
    const plan = planPreflight([chromium], root, true);
    expect(plan.action).toBe('stop');
    if (plan.action !== 'stop') return;
    expect(plan.message).toMatch(/Still missing after apt-get install chromium/);
    expect(plan.message).toContain('CHROMIUM_PATH');
  });
});

describe('sudoInstallCommand', () => {
  it('is one line that refreshes the package lists and installs without recommends', () => {
    expect(sudoInstallCommand(['chromium', 'postgresql'])).toBe(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium postgresql',
    );
  });
});
