import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface VisitOptions {
  width: number;
  height?: number | undefined;
  /** False: the page as a visitor without JavaScript gets it. */
  javaScriptEnabled?: boolean | undefined;
}

/** A page in a fresh browser context that records what no page of the site may do. */
export interface Visit {
  page: Page;
  context: BrowserContext;
  /** Opens `path` of the site and fails unless it answers with `status`. */
  goto: (path: string, status?: number) => Promise<void>;
  /**
   * Chromium logs every 4xx/5xx answer as a console error. A test that provokes one on
   * purpose names it here, so that exactly that one is not counted.
   */
  expectFailedResource: (path: string, status: number) => void;
  /** Console errors and uncaught exceptions, except the failed resources a test expects. */
  errors: string[];
  /** Every request to an origin other than the site's. */
  foreignRequests: string[];
  close: () => Promise<void>;
}

const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3})/;

/**
 * Opens a context of `width` CSS px on the site and watches its traffic and console from the
 * first request: nothing about a visitor may leave the site, and nothing may log an error
 * (CSP violations included). A missing page's own 404 is expected when the test asks for it.
 */
export async function visit(browser: Browser, siteUrl: string, options: VisitOptions): Promise<Visit> {
  const origin = new URL(siteUrl).origin;
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height ?? 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  // "<status> <url>" of the failed answers a test provoked on purpose.
  const expectedFailures = new Set<string>();

  context.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const at = message.location().url;
    const failed = FAILED_RESOURCE.exec(message.text());
    if (failed && expectedFailures.has(`${failed[1]} ${at}`)) return;
    errors.push(`${message.text()} (${at || page.url()})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message} (${page.url()})`));

  return {
    page,
    context,
    errors,
    foreignRequests,
    expectFailedResource: (path, status) => {
      expectedFailures.add(`${status} ${new URL(path, origin).href}`);
    },
    goto: async (path, status = 200) => {
      const url = new URL(path, origin).href;
      if (status >= 400) expectedFailures.add(`${status} ${url}`);
      const response = await page.goto(url, { waitUntil: 'load' });
      if (response?.status() !== status)
        throw new Error(`GET ${path} answered ${response?.status() ?? 'nothing'}, expected ${status}`);
    },
    close: () => context.close(),
  };
}

/** Closes a visit and fails the test on any console error or any request to another host. */
export async function closeAndCheck(visited: Visit): Promise<void> {
  await visited.close();
  expect(visited.errors, 'console errors').toEqual([]);
  expect(visited.foreignRequests, 'requests to other hosts').toEqual([]);
}
