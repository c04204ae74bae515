/** One line per event or build; never request bodies or entry contents. */
export interface Logger {
  info(line: string): void;
  error(line: string): void;
}

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// Control characters (C0, DEL, C1), the Unicode line and paragraph separators, and the
// bidirectional overrides and isolates that can make a line read differently from what it holds.
const UNSAFE_IN_A_LINE = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Makes a message one inert line: what a webhook, a header or a build prints (a newline, a
 * carriage return, an ANSI escape) shows as `\n`, `\r`, `\u001b` and can neither start a
 * forged line in the publisher's log nor drive the terminal that shows it.
 */
export function escapeLogLine(line: string): string {
  return line.replace(
    UNSAFE_IN_A_LINE,
    (char) => NAMED_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export const consoleLogger: Logger = {
  info: (line) => console.log(escapeLogLine(line)),
  error: (line) => console.error(escapeLogLine(line)),
};

export const silentLogger: Logger = {
  info: () => {},
  error: () => {},
};
