/** One line per event or build; never request bodies or entry contents. */
export interface Logger {
  info(line: string): void;
  error(line: string): void;
}

export const consoleLogger: Logger = {
  info: (line) => console.log(line),
  error: (line) => console.error(line),
};

export const silentLogger: Logger = {
  info: () => {},
  error: () => {},
};
