import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core (never a downloaded browser). The binary, not
 * the `/usr/bin/chromium` wrapper script, which prints a shell error when launched this way.
 * `CHROMIUM_PATH` points elsewhere on machines that keep it elsewhere.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/**
 * Flags for a root user on a machine without a GPU or internet: without the networking ones,
 * Chromium keeps calling Google hosts, which also shows up as requests no page made.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium is not installed where the browser suites look for it. */
export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(
      `Chromium not found at ${path}. The browser suites need Debian's chromium package: ` +
        '.ci/run must install it (apt-get install -y chromium), or set CHROMIUM_PATH.',
    );
    this.name = 'ChromiumMissingError';
  }
}

/** The Chromium binary; throws (never skips) when it is missing, so CI cannot pass without a browser. */
export function requireChromium(): string {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
  } catch {
    throw new ChromiumMissingError(CHROMIUM_PATH);
  }
  return CHROMIUM_PATH;
}

/** A headless Chromium for playwright-core. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_FLAGS });
}
