import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isPinnedImage } from './compose-file.ts';
import {
  execFormArguments,
  findNpmCommands,
  fromImage,
  parseDockerfile,
  readDockerfile,
  stageNames,
  type DockerInstruction,
} from './dockerfile.ts';

const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));
/** Both images put the repository root here. */
const APP_DIR = '/app';

interface PackageJson {
  scripts?: Record<string, string>;
  workspaces?: string[];
}
const readPackage = (dir: string): PackageJson =>
  JSON.parse(readFileSync(join(ROOT_DIR, dir, 'package.json'), 'utf8')) as PackageJson;
const WORKSPACES = readPackage('.').workspaces ?? [];

/** The repository path a path in the image stands for (relative to WORKDIR), or null outside /app. */
function repoPath(path: string, workdir: string): string | null {
  const absolute = posix.resolve(workdir, path);
  if (absolute !== APP_DIR && !absolute.startsWith(`${APP_DIR}/`)) return null;
  return posix.relative(APP_DIR, absolute) || '.';
}

/** Paths a command names (`x/y.ts`, `/app/node_modules/...`), as the image's WORKDIR sees them. */
function pathArguments(args: readonly string[]): string[] {
  return args.filter((arg) => !arg.startsWith('-') && /^[\w./@-]+\.(ts|js|mjs|cjs)$/.test(arg));
}

/** Which problems the commands of one Dockerfile have, checked against the repository. */
function checkDockerfile(instructions: readonly DockerInstruction[]): string[] {
  const problems: string[] = [];
  const stages = stageNames(instructions);
  const finalStage = instructions.filter((i) => i.keyword === 'FROM').at(-1)?.stage;
  // A stage built FROM another inherits its WORKDIR and USER.
  const endOf = new Map<string, { workdir: string; user: string }>();
  let workdir = '/';
  let user = 'root';
  for (const instruction of instructions) {
    const where = `line ${instruction.line}`;
    switch (instruction.keyword) {
      case 'FROM': {
        const image = fromImage(instruction);
        if (!stages.has(image) && !isPinnedImage(image)) problems.push(`${where}: ${image} is not pinned to a version`);
        ({ workdir, user } = endOf.get(image) ?? { workdir: '/', user: 'root' });
        endOf.set(instruction.stage, { workdir, user });
        break;
      }
      case 'WORKDIR':
        workdir = posix.resolve(workdir, instruction.text);
        endOf.set(instruction.stage, { workdir, user });
        break;
      case 'USER':
        user = instruction.text;
        endOf.set(instruction.stage, { workdir, user });
        break;
      case 'COPY': {
        const words = instruction.text.split(/\s+/);
        if (words.some((word) => word.startsWith('--from='))) break;
        for (const source of words.filter((word) => !word.startsWith('--')).slice(0, -1)) {
          if (!existsSync(join(ROOT_DIR, source)))
            problems.push(`${where}: COPY ${source}: no such file in the repository`);
        }
        break;
      }
      case 'RUN':
        for (const npm of findNpmCommands(instruction.text)) {
          if (npm.command === 'ci' && !existsSync(join(ROOT_DIR, 'package-lock.json'))) {
            problems.push(`${where}: npm ci without a package-lock.json`);
          }
          for (const workspace of npm.workspaces) {
            if (!WORKSPACES.includes(workspace)) problems.push(`${where}: -w ${workspace} is not a workspace`);
          }
          if (npm.script) {
            for (const dir of npm.workspaces.length > 0 ? npm.workspaces : ['.']) {
              if (!readPackage(dir).scripts?.[npm.script]) {
                problems.push(`${where}: npm run ${npm.script}: no such script in ${dir}/package.json`);
              }
            }
          }
        }
        break;
      case 'CMD':
      case 'ENTRYPOINT': {
        const args = execFormArguments(instruction);
        if (!args) {
          problems.push(`${where}: ${instruction.keyword} in shell form (signals would go to a shell)`);
          break;
        }
        for (const path of pathArguments(args)) {
          const inRepo = repoPath(path, workdir);
          if (inRepo === null || !existsSync(join(ROOT_DIR, inRepo))) {
            problems.push(`${where}: ${path} (from ${workdir}) is not a file of the repository or its node_modules`);
          }
        }
        if (instruction.stage === finalStage && (user === 'root' || user === '0')) {
          problems.push(`${where}: the final stage runs as root`);
        }
        break;
      }
    }
  }
  return problems;
}

function commandOf(instructions: readonly DockerInstruction[]): string[] {
  const cmd = instructions.filter((i) => i.keyword === 'CMD').at(-1);
  return cmd ? (execFormArguments(cmd) ?? []) : [];
}

describe('cms/Dockerfile', () => {
  const instructions = readDockerfile(join(ROOT_DIR, 'cms/Dockerfile'));

  it("names only the repository's real files, workspaces and scripts, and runs as a user", () => {
    expect(checkDockerfile(instructions)).toEqual([]);
  });

  it('builds Strapi with the workspace build script, on Node 22 slim', () => {
    expect(readPackage('cms').scripts?.build).toBe('strapi build');
    const runs = instructions.filter((i) => i.keyword === 'RUN').flatMap((i) => findNpmCommands(i.text));
    expect(runs).toContainEqual({ command: 'run', script: 'build', workspaces: ['cms'] });
    for (const from of instructions.filter((i) => i.keyword === 'FROM' && i.text.startsWith('node:'))) {
      expect(fromImage(from)).toMatch(/^node:22\.\d+\.\d+-bookworm-slim$/);
    }
  });

  it('starts Strapi the way cms/scripts/start.ts does once the build is fresh', () => {
    const start = readFileSync(join(ROOT_DIR, 'cms/scripts/start.ts'), 'utf8');
    expect(start).toContain("require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js')");
    expect(start).toMatch(/'develop' : 'start'/);
    expect(commandOf(instructions)).toEqual(['node', '/app/node_modules/@strapi/strapi/bin/strapi.js', 'start']);
  });
});

describe('scripts/Dockerfile', () => {
  const instructions = readDockerfile(join(ROOT_DIR, 'scripts/Dockerfile'));

  it("names only the repository's real files, workspaces and scripts, and runs as a user", () => {
    expect(checkDockerfile(instructions)).toEqual([]);
  });

  it('runs the publisher entry point that `npm start` runs, with the same tsx loader', () => {
    const launcher = readFileSync(join(ROOT_DIR, 'scripts/src/start/main.ts'), 'utf8');
    expect(launcher).toContain("args: ['--import', tsxLoader, 'scripts/src/publisher/main.ts']");
    expect(commandOf(instructions)).toEqual(['node', '--import', 'tsx', 'scripts/src/publisher/main.ts']);
  });

  it('installs only the runtime dependencies of the site, the publisher and shared-types', () => {
    const runs = instructions.filter((i) => i.keyword === 'RUN');
    const ci = runs.flatMap((i) => findNpmCommands(i.text)).find((npm) => npm.command === 'ci');
    expect(ci?.workspaces).toEqual(['site', 'scripts', 'shared-types']);
    const ciLine = runs.find((i) => /\bnpm ci\b/.test(i.text))?.text ?? '';
    expect(ciLine).toContain('--omit=dev');
    // The root's devDependencies are the test, lint and benchmark tooling.
    expect(ciLine).not.toContain('--include-workspace-root');
  });

  it('carries no test, lint or benchmark tooling: npm resolves none in those workspaces without dev dependencies', () => {
    // What `npm ci -w site -w scripts -w shared-types --omit=dev` installs, resolved by npm from the lock.
    const listed = execFileSync(
      'npm',
      ['ls', '--omit=dev', '--all', '--parseable', '-w', 'site', '-w', 'scripts', '-w', 'shared-types'],
      { cwd: ROOT_DIR, encoding: 'utf8' },
    );
    const names = new Set(listed.split('\n').map((line) => line.replace(/^.*\/node_modules\//, '')));
    // The publisher's own runtime is there...
    for (const needed of ['astro', 'tsx', 'zod', '@astrojs/sitemap']) expect(names, needed).toContain(needed);
    // ...and the tooling is not.
    const tooling = ['vitest', 'playwright-core', 'lighthouse', 'eslint', 'prettier', 'msw', 'axe-core'];
    for (const tool of [...tooling, 'html-validate', 'fast-check', 'autocannon', '@astrojs/check', 'typescript-eslint'])
      expect(names, tool).not.toContain(tool);
  });
});

describe('.dockerignore', () => {
  it('keeps data, dependencies, builds and secrets out of the build context', () => {
    const patterns = readFileSync(join(ROOT_DIR, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    for (const pattern of ['**/node_modules', '**/dist', '.data', '.env', '.git']) {
      expect(patterns, pattern).toContain(pattern);
    }
  });
});

describe('Dockerfile checks', () => {
  it('catch a missing script, an unknown workspace, a missing file, an unpinned base and a root user', () => {
    const broken = parseDockerfile(`
FROM node:latest AS build
WORKDIR /app
COPY no-such-dir/ x/
RUN npm ci -w nowhere && npm run no-such-script -w cms
FROM build
CMD ["node", "scripts/src/no-such-file.ts"]
`);
    expect(checkDockerfile(broken)).toEqual([
      'line 2: node:latest is not pinned to a version',
      'line 4: COPY no-such-dir/: no such file in the repository',
      'line 5: -w nowhere is not a workspace',
      'line 5: npm run no-such-script: no such script in cms/package.json',
      'line 7: scripts/src/no-such-file.ts (from /app) is not a file of the repository or its node_modules',
      'line 7: the final stage runs as root',
    ]);
  });

  it('join continued lines and skip comments', () => {
    const [run] = parseDockerfile('# syntax=docker/dockerfile:1\nRUN a \\\n  && b \\\n  # note\n  && c\n');
    expect(run).toMatchObject({ keyword: 'RUN', line: 2 });
    expect(run?.text.replace(/\s+/g, ' ')).toBe('a && b && c');
  });
});
