import fs from 'node:fs';
import path from 'node:path';

/** A program the suites drive for real, and the Debian package that provides it. */
export interface TestTool {
  name: 'Chromium' | 'PostgreSQL' | 'nginx';
  debianPackage: 'chromium' | 'postgresql' | 'nginx';
  /** Where it was looked for, for the message when it is not there. */
  lookedAt: string;
}

/** Where the suites look for each tool. */
export interface TestToolLocations {
  /** The binary the browser suites launch (not the `/usr/bin/chromium` wrapper script). */
  chromium: string;
  /** The binary the deploy-config suites run. */
  nginx: string;
  /** Debian's versioned PostgreSQL install root (`<root>/<version>/bin/initdb`). */
  postgresRoot: string;
  /** Searched for `initdb` and `pg_ctl` when `postgresRoot` has none (other systems). */
  pathEnv: string;
}

/**
 * The paths `chromium.ts` and `start-nginx.ts` beside this file launch,
 * restated so this module stays free of imports (it runs before anything else is checked).
 */
export function defaultTestToolLocations(env: NodeJS.ProcessEnv = process.env): TestToolLocations {
  return {
    chromium: env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    nginx: '/usr/sbin/nginx',
    postgresRoot: '/usr/lib/postgresql',
    pathEnv: env.PATH ?? '',
  };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Version folder names, newest first: `['9.6', '15', '16']` -> `['16', '15', '9.6']`. */
export function newestVersionsFirst(names: string[]): string[] {
  const key = (name: string) => name.split('.').map(Number);
  return names
    .filter((name) => /^\d+(\.\d+)*$/.test(name))
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const diff = (y[i] ?? 0) - (x[i] ?? 0);
        if (diff !== 0) return diff;
      }
      return 0;
    });
}

const hasServerBinaries = (dir: string) =>
  isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'pg_ctl'));

/**
 * The folder with the PostgreSQL server binaries (`initdb`, `pg_ctl`): Debian's newest
 * `<postgresRoot>/<version>/bin`, else the first folder on `PATH` that has both.
 */
export function findPostgresBinDir(
  locations: Pick<TestToolLocations, 'postgresRoot' | 'pathEnv'> = defaultTestToolLocations(),
): string | undefined {
  let versions: string[] = [];
  try {
    versions = fs.readdirSync(locations.postgresRoot);
  } catch {
    // No Debian-style install: fall through to PATH.
  }
  const candidates = [
    ...newestVersionsFirst(versions).map((version) => path.join(locations.postgresRoot, version, 'bin')),
    ...locations.pathEnv.split(path.delimiter).filter(Boolean),
  ];
  return candidates.find(hasServerBinaries);
}

/** The tools that are not where the suites look for them. */
export function findMissingTestTools(locations: TestToolLocations = defaultTestToolLocations()): TestTool[] {
  const missing: TestTool[] = [];
  if (!isExecutable(locations.chromium)) {
    missing.push({ name: 'Chromium', debianPackage: 'chromium', lookedAt: locations.chromium });
  }
  if (!findPostgresBinDir(locations)) {
    missing.push({
      name: 'PostgreSQL',
      debianPackage: 'postgresql',
      lookedAt: `${path.join(locations.postgresRoot, '<version>', 'bin')} or PATH (initdb, pg_ctl)`,
    });
  }
  if (!isExecutable(locations.nginx)) {
    missing.push({ name: 'nginx', debianPackage: 'nginx', lookedAt: locations.nginx });
  }
  return missing;
}
