import { BuildCommandError } from '../errors.ts';

/**
 * What an editor needs to know of a failed build: the error's own message, and when the build
 * command's message says only that it failed, the sentence astro printed about why.
 */
export function summarizeFailure(error: unknown, output: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof BuildCommandError)) return message;
  // Astro prints an error's message just above its "Location:" or "Stack trace:" block.
  const block = output.findIndex((line) => /^\s*(Location|Stack trace):/.test(line));
  const above = block > 0 ? output[block - 1]?.trim() : undefined;
  const errorLine =
    above ||
    [...output]
      .reverse()
      .find((line) => /error/i.test(line))
      ?.trim();
  // The worker passes on the whole message (one line per invalid entry): say nothing twice.
  return errorLine && !message.includes(errorLine) ? `${message}: ${errorLine}` : message;
}
