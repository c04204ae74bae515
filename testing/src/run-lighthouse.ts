import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, requireChromium } from './chromium.ts';

/** The four Lighthouse categories, by their ids in the report. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The pages issue 6 holds to the Lighthouse budgets: home, a level, the FAQ and contact. */
export const LIGHTHOUSE_PAGES = ['/', '/programs/intensive-outpatient-program/', '/faq/', '/contact/'] as const;

/** The budgets per page. Scores are 0-100; performance and timings vary by machine, the rest does not. */
export const LIGHTHOUSE_TARGETS = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
  lcpMs: 1500,
  cls: 0.01,
  transferBytes: 60 * 1024,
} as const;

/** What one Lighthouse run says about one page. */
export interface LighthouseFigures {
  url: string;
  /** 0-100 per category. */
  scores: Record<Category, number>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Every byte the page transferred (Lighthouse's `total-byte-weight`). */
  transferBytes: number;
  /** Scored audits below 100, as "category: audit-id (score)": why a category is not 100. */
  shortfalls: string[];
}

/** A Chromium that Lighthouse drives over the DevTools protocol. */
export interface DebuggableChromium {
  port: number;
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium headless with a DevTools port (Lighthouse 12.2.3 runs against it
 * with the same flags as the browser suites, plus `--headless=new`), on a throwaway profile.
 */
export async function startDebuggableChromium(): Promise<DebuggableChromium> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lighthouse-chromium-'));
  const child = spawn(
    requireChromium(),
    ['--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...CHROMIUM_FLAGS, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  // Port 0 lets Chromium pick a free port; it names it on stderr.
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port within 30 s:\n${log}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with ${code} before it listened:\n${log}`));
    });
  });
  return {
    port,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs Lighthouse's default configuration (mobile form factor, simulated throttling) on
 * one page and returns its figures.
 */
export async function runLighthouse(url: string, port: number): Promise<LighthouseFigures> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
  const numeric = (id: string): number => {
    const value = lhr.audits[id]?.numericValue;
    if (typeof value !== 'number') throw new Error(`Lighthouse has no figure for ${id} on ${url}`);
    return value;
  };
  const scores = {} as Record<Category, number>;
  const shortfalls: string[] = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (!category || category.score === null) throw new Error(`Lighthouse has no ${id} score for ${url}`);
    scores[id] = Math.round(category.score * 100);
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
        shortfalls.push(
          `${id}: ${ref.id} (${Math.round(audit.score * 100)}${audit.displayValue ? `, ${audit.displayValue}` : ''})`,
        );
    }
  }
  return {
    url,
    scores,
    lcpMs: numeric('largest-contentful-paint'),
    cls: numeric('cumulative-layout-shift'),
    tbtMs: numeric('total-blocking-time'),
    transferBytes: numeric('total-byte-weight'),
    shortfalls,
  };
}
