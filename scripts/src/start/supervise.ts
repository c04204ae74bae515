import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { countFailures, describeExit, restartDelayMs, type BackoffOptions } from './restart-policy.ts';

export interface ChildSpec {
  /** Short name used to prefix the child's output and in messages. */
  name: string;
  command: string;
  args: string[];
  options?: SpawnOptions;
  /** Called each time the child is spawned: `restarts` is 0 the first time, 1 after its first crash, ... */
  onStart?: (child: ChildProcess, restarts: number) => void;
}

export interface SupervisedChild {
  /** The running process; null while it waits to be restarted and once everything has stopped. */
  readonly current: ChildProcess | null;
}

export interface Supervisor {
  start(spec: ChildSpec): SupervisedChild;
  /**
   * Stops every child (SIGTERM, then SIGKILL to its whole process group after `graceMs`),
   * cancels pending restarts and resolves when all have exited; `done` then resolves with
   * `exitCode`.
   */
  stopAll(reason: string, exitCode?: number): Promise<void>;
  /** Resolves with the exit code the launcher should use once everything has stopped. */
  done: Promise<number>;
}

export interface SupervisorOptions {
  /** @default 10000 */
  graceMs?: number;
  /** @default the launcher's 1 s, 2 s, 4 s ... 30 s schedule, reset after a minute up */
  backoff?: BackoffOptions;
  log?: (line: string) => void;
}

interface Slot {
  spec: ChildSpec;
  current: ChildProcess | null;
  failures: number;
  restarts: number;
  restartTimer: NodeJS.Timeout | null;
}

const isRunning = (child: ChildProcess | null): child is ChildProcess =>
  child !== null && child.exitCode === null && child.signalCode === null;

/** SIGKILLs what is left of a child's process group (it was spawned as the group's leader). */
function killGroup(child: ChildProcess): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // the group is already empty
  }
}

/**
 * Runs the system's processes as one: output prefixed per child, and a child that dies on
 * its own is restarted with backoff while the others keep running (the publisher keeps
 * serving the site while the CMS comes back). Ctrl-C (through `stopAll`) stops them all.
 *
 * Each child leads its own process group, so a crash never leaves an orphan behind (a
 * Strapi whose wrapper was killed would hold the port and fail every restart): the group
 * is cleared before the child starts again.
 */
export function createSupervisor({
  graceMs = 10_000,
  backoff = {},
  log = console.log,
}: SupervisorOptions = {}): Supervisor {
  const slots: Slot[] = [];
  let stopping = false;
  let finalCode = 0;
  let resolveDone: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (resolveDone = resolve));

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

  function launch(slot: Slot): void {
    slot.restartTimer = null;
    const { spec } = slot;
    const startedAt = Date.now();
    const child = spawn(spec.command, spec.args, {
      ...spec.options,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: Ctrl-C reaches the launcher alone, which stops children in order.
      detached: true,
    });
    slot.current = child;
    prefix(spec.name, child.stdout, process.stdout);
    prefix(spec.name, child.stderr, process.stderr);
    child.on('error', (error) => log(`[start] ${spec.name} could not start: ${error.message}`));
    child.on('exit', (code, signal) => {
      killGroup(child);
      if (slot.current === child) slot.current = null;
      if (stopping) return;
      slot.failures = countFailures(slot.failures, Date.now() - startedAt, backoff);
      const delay = restartDelayMs(slot.failures, backoff);
      log(`[start] ${spec.name} ${describeExit(code, signal)}; restarting it in ${delay / 1000} s`);
      slot.restartTimer = setTimeout(() => {
        slot.restarts += 1;
        launch(slot);
      }, delay);
    });
    spec.onStart?.(child, slot.restarts);
  }

  async function stopAll(reason: string, exitCode = 0): Promise<void> {
    if (!stopping) {
      stopping = true;
      finalCode = exitCode;
      log(`[start] ${reason}: stopping ${slots.map((s) => s.spec.name).join(', ') || 'nothing'}`);
    }
    for (const slot of slots) {
      if (slot.restartTimer) clearTimeout(slot.restartTimer);
      slot.restartTimer = null;
    }
    const waits = slots.map(async ({ spec, current: child }) => {
      if (!isRunning(child)) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        log(`[start] ${spec.name} did not stop in ${graceMs / 1000} s: killing it`);
        killGroup(child);
      }, graceMs);
      await exited;
      clearTimeout(timer);
    });
    await Promise.all(waits);
    resolveDone(finalCode);
  }

  function start(spec: ChildSpec): SupervisedChild {
    const slot: Slot = { spec, current: null, failures: 0, restarts: 0, restartTimer: null };
    slots.push(slot);
    launch(slot);
    return {
      get current() {
        return slot.current;
      },
    };
  }

  return { start, stopAll, done };
}
