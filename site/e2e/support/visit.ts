import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export interface VisitOptions {
  width: number;
  height?: number | undefined;
  /** False: the page as a visitor without JavaScript gets it. */
  javaScriptEnabled?: boolean | undefined;
  /** The browser's language (navigator.language, Accept-Language). @default Chromium's, en-US */
  locale?: string | undefined;
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
  /** Forgets the errors, foreign requests and expected failures so far (see `checkAndReset`). */
  reset: () => void;
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
    ...(options.locale ? { locale: options.locale } : {}),
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
    reset: () => {
      errors.length = 0;
      foreignRequests.length = 0;
      expectedFailures.clear();
    },
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

/**
 * For a visit kept open across tests: fails the test on any console error or request to another
 * host since the last check, and starts the next test's count from nothing. What arrives after
 * the last test's check is caught by `closeAndCheck` when the visit closes.
 */
export function checkAndReset(visited: Visit): void {
  const errors = [...visited.errors];
  const foreignRequests = [...visited.foreignRequests];
  visited.reset();
  expect(errors, 'console errors').toEqual([]);
  expect(foreignRequests, 'requests to other hosts').toEqual([]);
}

/**
 * One browser context for the tests of a `describe`, opened before its first test and closed
 * (and checked) after its last. Each test still loads its page afresh with `goto` (a new
 * document: no focus, scroll or script state of the test before) and is failed on its own
 * console errors and foreign requests. A context of its own per test cost Chromium a new
 * renderer process each time: 0.7 s of CPU, more than an axe run or a whole Tab walk.
 */
export function sharedVisit(open: () => { browser: Browser; siteUrl: string }, options: VisitOptions): () => Visit {
  let shared: Visit | undefined;
  beforeAll(async () => {
    const { browser, siteUrl } = open();
    shared = await visit(browser, siteUrl, options);
  });
  afterEach(() => {
    if (shared) checkAndReset(shared);
  });
  afterAll(async () => {
    const done = shared;
    shared = undefined;
    if (done) await closeAndCheck(done);
  });
  return () => {
    if (!shared) throw new Error('the shared visit is not open (its beforeAll failed)');
    return shared;
  };
}
