import type { Logger } from './logger.ts';

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Keeps the publisher running through an exception or rejection that no request or build
 * caught, and logs it (one escaped line, stack included) so it gets fixed.
 *
 * Node's default, exiting, would take the live site down for every visitor over one request's
 * bug. Carrying on is safe here because no request can leave shared state half-changed: builds
 * are swapped live as one immutable value, and each request only owns its own response. Request
 * handlers catch their own errors (see SiteHandler.handle and createHooksHandler); this is the
 * net under them, for a throw from a callback they did not wrap.
 */
export function surviveStrayErrors(target: NodeJS.Process, logger: Logger): void {
  // Whoever reads our output (the launcher, a test) is gone, so nobody supervises this process
  // any more: end it. Carrying on, each log line failed, the failure was logged, and that failed
  // too: an orphaned publisher spun a core until killed with SIGKILL.
  for (const output of [target.stdout, target.stderr]) {
    output.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') target.exit(1);
      throw error;
    });
  }
  target.on('uncaughtException', (error, origin) => {
    logger.error(`[publisher] ${origin} caught, still serving: ${describeError(error)}`);
  });
  target.on('unhandledRejection', (reason) => {
    logger.error(`[publisher] unhandled rejection, still serving: ${describeError(reason)}`);
  });
}
