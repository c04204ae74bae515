import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSteps, runSteps, summarize, type Step } from './run-all-tests.ts';

const node = (name: string, code: string, stream = false): Step => ({
  name,
  command: process.execPath,
  args: ['-e', code],
  stream,
});

describe('npm test runs the checks beside the suites', () => {
  it('plans the type check, lint and one vitest with the arguments, when given some', () => {
    const steps = planSteps(['cms/test/admin.int.test.ts']);
    expect(steps.map((step) => step.name)).toEqual(['preflight', 'type check', 'lint', 'tests']);
    expect(steps[3]?.args).toEqual(['vitest', 'run', 'cms/test/admin.int.test.ts']);
    expect(steps.filter((step) => step.stream).map((step) => step.name)).toEqual(['preflight', 'tests']);
    expect(steps.filter((step) => step.afterGate).map((step) => step.name)).toEqual(['tests']);
  });

  it('runs the browser suites, then the publishing suites, in a vitest of their own beside the unit and integration suites, and shows what they passed', () => {
    const steps = planSteps([]);
    expect(steps.map((step) => [step.name, step.args.join(' ')])).toEqual([
      ['preflight', '--import tsx testing/src/preflight.ts'],
      ['type check', 'run --silent typecheck'],
      ['lint', 'run --silent lint'],
      ['unit and integration tests', 'vitest run --project unit --project integration'],
      ['browser and publishing tests', 'vitest run --project e2e --project publishing'],
    ]);
    expect(steps.filter((step) => step.stream).map((step) => step.name)).toEqual([
      'preflight',
      'unit and integration tests',
    ]);
    expect(steps.filter((step) => step.showPassing).map((step) => step.name)).toEqual(['browser and publishing tests']);
    // The suites need what the preflight installs; the checks do not, and start at once.
    expect(steps.filter((step) => step.gate).map((step) => step.name)).toEqual(['preflight']);
    expect(steps.filter((step) => step.afterGate).map((step) => step.name)).toEqual([
      'unit and integration tests',
      'browser and publishing tests',
    ]);
  });

  it("prints a passing step's held output when it asks to", async () => {
    let printed = '';
    await runSteps(
      [{ ...node('browser tests', 'console.log("12 passed")'), showPassing: true }],
      (text) => (printed += text),
    );
    expect(printed).toContain('== browser tests: passed');
    expect(printed).toContain('12 passed');
  });

  it('runs the steps at the same time, not one after another', async () => {
    // Each step waits until all three have started: run one after another, the first never ends.
    const dir = mkdtempSync(join(tmpdir(), 'run-all-tests-'));
    const rendezvous = (name: string) =>
      node(
        name,
        `const fs = require('node:fs'), path = require('node:path'), dir = ${JSON.stringify(dir)};
         fs.writeFileSync(path.join(dir, ${JSON.stringify(name)}), '');
         setInterval(() => { if (['a', 'b', 'c'].every((n) => fs.existsSync(path.join(dir, n)))) process.exit(0); }, 20);
         setTimeout(() => process.exit(3), 20000);`,
      );
    const results = await runSteps([rendezvous('a'), rendezvous('b'), rendezvous('c')], () => {});
    expect(results.map((result) => result.status)).toEqual([0, 0, 0]);
  }, 30_000);

  it('runs the checks while the preflight runs, and starts the suites only once it has passed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-all-tests-'));
    const marker = (name: string) => JSON.stringify(join(dir, name));
    const results = await runSteps(
      [
        // The preflight ends only once the check has started beside it.
        {
          ...node(
            'preflight',
            `const fs = require('node:fs');
             setInterval(() => { if (fs.existsSync(${marker('check')})) { fs.writeFileSync(${marker('preflight')}, ''); process.exit(0); } }, 20);
             setTimeout(() => process.exit(3), 20000);`,
            true,
          ),
          gate: true,
        },
        node('type check', `require('node:fs').writeFileSync(${marker('check')}, '')`),
        // The suite fails if it starts before the preflight has finished.
        {
          ...node('tests', `process.exit(require('node:fs').existsSync(${marker('preflight')}) ? 0 : 4)`, true),
          afterGate: true,
        },
      ],
      () => {},
    );
    expect(results.map((result) => [result.name, result.status])).toEqual([
      ['preflight', 0],
      ['type check', 0],
      ['tests', 0],
    ]);
  }, 30_000);

  it("stops everything at once when the preflight fails, with the preflight's status, and starts no suite", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-all-tests-'));
    const suiteRan = join(dir, 'suite-ran');
    const started = Date.now();
    const results = await runSteps(
      [
        { ...node('preflight', 'setTimeout(() => process.exit(5), 300)', true), gate: true },
        // A check that would run for a minute is stopped.
        node('lint', 'setTimeout(() => {}, 60000)'),
        {
          ...node('tests', `require('node:fs').writeFileSync(${JSON.stringify(suiteRan)}, '')`, true),
          afterGate: true,
        },
      ],
      () => {},
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(existsSync(suiteRan)).toBe(false);
    expect(results.map((result) => [result.name, result.stopped === true])).toEqual([
      ['preflight', false],
      ['lint', true],
      ['tests', true],
    ]);
    const summary = summarize(results);
    expect(summary.status).toBe(5);
    expect(summary.text).toContain('preflight: FAILED (exit 5)');
    expect(summary.text).toContain('lint: not run to the end (the preflight failed)');
    expect(summary.text).toContain('tests: not run to the end (the preflight failed)');
  }, 30_000);

  it("prints a failed check's held output with its verdict, and fails with the first failure's status", async () => {
    let printed = '';
    const results = await runSteps(
      [
        node('type check', 'console.log("src/a.ts(1,1): error TS2322"); process.exit(2)'),
        node('lint', 'console.log("all clean")'),
        node('tests', 'process.exit(0)', true),
      ],
      (text) => (printed += text),
    );
    expect(printed).toContain('== type check: FAILED (exit 2)');
    expect(printed).toContain('src/a.ts(1,1): error TS2322');
    expect(printed).toContain('== lint: passed');
    // A passing check's output is noise in a test log.
    expect(printed).not.toContain('all clean');
    const summary = summarize(results);
    expect(summary.status).toBe(2);
    expect(summary.text).toMatch(/type check: FAILED \(exit 2\)/);
    expect(summary.text).toMatch(/tests: passed/);
  });

  it('passes when every step passes, and names a command that cannot start', async () => {
    const ok = await runSteps([node('lint', '0')], () => {});
    expect(summarize(ok).status).toBe(0);
    let printed = '';
    const missing = await runSteps(
      [{ name: 'lint', command: 'no-such-command-here', args: [], stream: false }],
      (text) => (printed += text),
    );
    expect(summarize(missing).status).not.toBe(0);
    expect(printed).toContain('no-such-command-here');
  });
});
