/**
 * `npm test`: the preflight (Chromium, PostgreSQL and nginx; see preflight.ts), and beside it
 * the type checks and lint, which need none of them: on a fresh machine they run while apt-get
 * installs. The test suites start once the preflight has passed, and if it fails everything
 * stops at once with its message. The suites run beside the checks rather than after them (they
 * need no server, and the suites spend most of their time waiting on Strapi and Astro), so a
 * full run costs the suites' time rather than the sum. The browser suites, then the publishing
 * suites, run beside the unit and integration suites in a vitest of their own: each of those
 * projects runs its files one at a time, and the two vitests take about as long as each other. The preflight's and the unit and integration
 * output stream as usual; each other step's output is held and printed when it finishes (the
 * browser suites' always, a check's only if it failed). The exit status is the first
 * failure's. Arguments go to one vitest for everything (`npm test -- cms/test/admin.int.test.ts`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface Step {
  name: string;
  command: string;
  args: string[];
  /** Stream the output (the suites) rather than hold it until the step ends (the checks). */
  stream: boolean;
  /** Print held output when the step passes too (a suite's list of what passed). */
  showPassing?: boolean;
  /** The step every `afterGate` step waits for (the preflight); when it fails, the run stops. */
  gate?: boolean;
  /** Starts only once the gate has passed (the suites need what the preflight installs). */
  afterGate?: boolean;
}

export interface StepResult {
  name: string;
  status: number;
  seconds: number;
  /** Not started, or stopped before its end, because the gate failed. */
  stopped?: boolean;
}

export function planSteps(vitestArgs: readonly string[]): Step[] {
  const preflight: Step = {
    name: 'preflight',
    command: process.execPath,
    args: ['--import', 'tsx', 'testing/src/preflight.ts'],
    stream: true,
    gate: true,
  };
  const checks: Step[] = [
    preflight,
    { name: 'type check', command: 'npm', args: ['run', '--silent', 'typecheck'], stream: false },
    { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'], stream: false },
  ];
  if (vitestArgs.length > 0) {
    return [
      ...checks,
      { name: 'tests', command: 'npx', args: ['vitest', 'run', ...vitestArgs], stream: true, afterGate: true },
    ];
  }
  return [
    ...checks,
    {
      name: 'unit and integration tests',
      command: 'npx',
      args: ['vitest', 'run', '--project', 'unit', '--project', 'integration'],
      stream: true,
      afterGate: true,
    },
    {
      // The publishing suites run after the browser suites, in their vitest: the two side by
      // side then take about as long as each other (each alone ran one core for minutes).
      name: 'browser and publishing tests',
      command: 'npx',
      args: ['vitest', 'run', '--project', 'e2e', '--project', 'publishing'],
      stream: false,
      showPassing: true,
      afterGate: true,
    },
  ];
}

/**
 * Runs every step at once, except those after the gate, which start when it passes; resolves
 * with each one's status, in the order given. When the gate fails, the steps still running are
 * stopped and those after it never start.
 */
export async function runSteps(
  steps: readonly Step[],
  write: (text: string) => void = (text) => process.stdout.write(text),
): Promise<StepResult[]> {
  const children = new Set<ChildProcess>();
  const forward = (signal: NodeJS.Signals) => () => {
    for (const child of children) child.kill(signal);
  };
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  let gateFailed = false;
  const stoppedByGate = new Set<ChildProcess>();

  const run = (step: Step) =>
    new Promise<StepResult>((resolve) => {
      const started = Date.now();
      const child = spawn(step.command, step.args, {
        stdio: step.stream ? 'inherit' : ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') },
      });
      children.add(child);
      let held = '';
      child.stdout?.on('data', (chunk: Buffer) => (held += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (held += chunk.toString()));
      let settled = false;
      const finish = (status: number) => {
        if (settled) return;
        settled = true;
        children.delete(child);
        const seconds = Math.round((Date.now() - started) / 1000);
        if (stoppedByGate.has(child)) {
          resolve({ name: step.name, status, seconds, stopped: true });
          return;
        }
        if (!step.stream) {
          const verdict = status === 0 ? 'passed' : `FAILED (exit ${status})`;
          const body = held.trim() === '' ? '' : `${held.trimEnd()}\n`;
          const shown = status !== 0 || step.showPassing === true ? body : '';
          write(`\n== ${step.name}: ${verdict} in ${seconds} s\n${shown}`);
        }
        resolve({ name: step.name, status, seconds });
      };
      child.on('error', (error) => {
        held += `${error.message}\n`;
        finish(127);
      });
      // 'close', not 'exit': the held output is complete only once the pipes have closed.
      child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)));
    });

  try {
    const gate = steps.find((step) => step.gate === true);
    const gatePassed: Promise<StepResult | undefined> = gate
      ? run(gate).then((result) => {
          if (result.status !== 0) {
            gateFailed = true;
            for (const child of children) {
              stoppedByGate.add(child);
              child.kill('SIGTERM');
            }
          }
          return result;
        })
      : Promise.resolve(undefined);
    return await Promise.all(
      steps.map(async (step) => {
        if (step === gate) return (await gatePassed)!;
        if (step.afterGate !== true) return run(step);
        const gateResult = await gatePassed;
        if (gateFailed) return { name: step.name, status: gateResult?.status ?? 1, seconds: 0, stopped: true };
        return run(step);
      }),
    );
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}

export function summarize(results: readonly StepResult[]): { text: string; status: number } {
  const lines = results.map((result) =>
    result.stopped === true
      ? `  ${result.name}: not run to the end (the preflight failed)`
      : `  ${result.name}: ${result.status === 0 ? 'passed' : `FAILED (exit ${result.status})`}, ${result.seconds} s`,
  );
  const failed =
    results.find((result) => result.status !== 0 && result.stopped !== true) ??
    results.find((result) => result.status !== 0);
  return { text: `\n== npm test\n${lines.join('\n')}\n`, status: failed ? failed.status : 0 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await runSteps(planSteps(process.argv.slice(2)));
  const { text, status } = summarize(results);
  process.stdout.write(text);
  process.exitCode = status;
}
