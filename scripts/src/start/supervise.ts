import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface ChildSpec {
  /** Short name used to prefix the child's output and in messages. */
  name: string;
  command: string;
  args: string[];
  options?: SpawnOptions;
}

export interface Supervisor {
  start(spec: ChildSpec): ChildProcess;
  /** Stops every child (SIGTERM, then SIGKILL after `graceMs`) and resolves when all have exited. */
  stopAll(reason: string): Promise<void>;
  /** Resolves with the exit code the launcher should use once everything has stopped. */
  done: Promise<number>;
}

/**
 * Runs the system's processes as one: output prefixed per child, Ctrl-C stops all of
 * them, and a child that dies on its own is reported and takes the rest down with it
 * rather than leaving half a system running.
 */
export function createSupervisor({ graceMs = 10_000, log = console.log } = {}): Supervisor {
  const children = new Map<string, ChildProcess>();
  let stopping = false;
  let exitCode = 0;
  let resolveDone: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (resolveDone = resolve));

  const allExited = () => [...children.values()].every((c) => c.exitCode !== null || c.signalCode !== null);

  function prefix(name: string, stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream): void {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
    stream?.on('end', () => pending && out.write(`[${name}] ${pending}\n`));
  }

  async function stopAll(reason: string): Promise<void> {
    if (!stopping) {
      stopping = true;
      log(`[start] ${reason}: stopping ${[...children.keys()].join(', ') || 'nothing'}`);
    }
    const waits = [...children.entries()].map(async ([name, child]) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        log(`[start] ${name} did not stop in ${graceMs / 1000} s: killing it`);
        child.kill('SIGKILL');
      }, graceMs);
      await exited;
      clearTimeout(timer);
    });
    await Promise.all(waits);
    resolveDone(exitCode);
  }

  function start(spec: ChildSpec): ChildProcess {
    const child = spawn(spec.command, spec.args, { ...spec.options, stdio: ['ignore', 'pipe', 'pipe'] });
    children.set(spec.name, child);
    prefix(spec.name, child.stdout, process.stdout);
    prefix(spec.name, child.stderr, process.stderr);
    child.on('exit', (code, signal) => {
      if (stopping) {
        if (allExited()) resolveDone(exitCode);
        return;
      }
      exitCode = 1;
      log(`[start] ${spec.name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the rest`);
      void stopAll(`${spec.name} died`);
    });
    return child;
  }

  return { start, stopAll, done };
}
