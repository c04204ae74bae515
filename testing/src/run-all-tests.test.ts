import { mkdtempSync } from 'node:fs';
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
    expect(steps.map((step) => step.name)).toEqual(['type check', 'lint', 'tests']);
    expect(steps[2]?.args).toEqual(['vitest', 'run', 'cms/test/admin.int.test.ts']);
    expect(steps.filter((step) => step.stream).map((step) => step.name)).toEqual(['tests']);
  });

  it('runs the browser suites in a vitest of their own beside the unit and integration suites, and shows what they passed', () => {
    const steps = planSteps([]);
    expect(steps.map((step) => [step.name, step.args.join(' ')])).toEqual([
      ['type check', 'run --silent typecheck'],
      ['lint', 'run --silent lint'],
      ['unit and integration tests', 'vitest run --project unit --project integration'],
      ['browser tests', 'vitest run --project e2e'],
    ]);
    expect(steps.filter((step) => step.stream).map((step) => step.name)).toEqual(['unit and integration tests']);
    expect(steps.filter((step) => step.showPassing).map((step) => step.name)).toEqual(['browser tests']);
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
