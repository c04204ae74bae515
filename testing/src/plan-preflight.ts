import type { TestTool } from './find-test-tools.ts';

/** What the machine allows the preflight to do about a missing tool. */
export interface PreflightMachine {
  /** Running as root, so apt-get may install packages. */
  isRoot: boolean;
  /** `apt-get` is on this machine (Debian, Ubuntu). */
  hasAptGet: boolean;
}

export type PreflightPlan =
  /** Everything is there: run the suites. */
  | { action: 'run' }
  /** Install these Debian packages, printing one line per missing tool first. */
  | { action: 'install'; packages: string[]; lines: string[] }
  /** Stop before the suites with this message (it names the one command to run). */
  | { action: 'stop'; message: string };

/** `apt-get install` of these packages: no recommends (no desktop, no extra fonts), no prompts. */
export function aptGetInstallArgs(packages: string[]): string[] {
  return ['install', '-y', '-qq', '--no-install-recommends', ...packages];
}

/** The one command a person runs to install the packages with sudo. */
export function sudoInstallCommand(packages: string[]): string {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

const describeTool = (tool: TestTool) => `${tool.name} (looked for ${tool.lookedAt})`;

/**
 * What to do before the suites: run them when nothing is missing; as root with apt-get,
 * install the missing packages; otherwise stop at once and say what to run. After an
 * install (`afterInstall`), anything still missing stops the run: installing again would
 * not help (Ubuntu's `chromium` is a snap stub, for one, with no binary where we look).
 */
export function planPreflight(missing: TestTool[], machine: PreflightMachine, afterInstall = false): PreflightPlan {
  if (missing.length === 0) return { action: 'run' };
  const packages = missing.map((tool) => tool.debianPackage);
  const names = missing.map(describeTool).join(', ');

  if (afterInstall) {
    return {
      action: 'stop',
      message:
        `Still missing after apt-get install ${packages.join(' ')}: ${names}. ` +
        'Install it where the suites look (CHROMIUM_PATH points the browser suites at another Chromium binary).',
    };
  }
  if (machine.isRoot && machine.hasAptGet) {
    return {
      action: 'install',
      packages,
      lines: missing.map(
        (tool) => `${tool.name} is missing: installing the Debian package ${tool.debianPackage} with apt-get`,
      ),
    };
  }
  if (machine.hasAptGet) {
    return {
      action: 'stop',
      message: `The test suites need ${names}. Install with:\n  ${sudoInstallCommand(packages)}`,
    };
  }
  return {
    action: 'stop',
    message:
      `The test suites need ${names}. Install them with your system's package manager ` +
      `(on Debian or Ubuntu: ${sudoInstallCommand(packages)}).`,
  };
}
