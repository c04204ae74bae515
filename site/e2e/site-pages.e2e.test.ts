import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publishExtraFaqs } from '@clinic/testing/start-test-cms';
import { launchChromium } from '@clinic/testing/chromium';
import { eventually, startTestSystem, type TestSystem } from '@clinic/testing/start-test-system';
import { displayName } from '../src/lib/display-name.ts';
import { readPages } from '../test/built-site.ts';
import {
  findAxeViolations,
  horizontalOverflow,
  markFocusables,
  saveScreenshot,
  tabThrough,
} from './support/page-checks.ts';
import { NARROWEST_WIDTH, SPANISH_TEMPLATES, TEMPLATES, WIDTHS } from './support/site-templates.ts';
import { closeAndCheck, sharedVisit, visit, type Visit, type VisitOptions } from './support/visit.ts';

/**
 * Every page template in real Chromium, at a phone's and a desktop's width, as the
 * publisher serves it: WCAG 2.1 AA by axe-core, the keyboard path (skip link, visible focus,
 * every control reachable), reflow at 320 px, no console errors, no request leaving the
 * site; a screenshot of each for people to look at; and the built HTML by html-validate.
 * The Spanish pages: axe and reflow at the narrowest width, html-validate with the rest, and
 * the language switch there and back (search.e2e checks each language's search).
 * The tests of one width share a browser context (`sharedVisit`), each loading its page afresh.
 */

const EXTRA_FAQS = 35;

let system: TestSystem;
let browser: Browser;
let current: Visit | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  system = await startTestSystem();
  await eventually(async () => (await system.status()).live !== null, 180_000, 'the first build to go live');
  // Enough questions for a second FAQ page, so its pagination bar is checked like the rest.
  await publishExtraFaqs(system.contentManager, EXTRA_FAQS);
  await eventually(
    async () => (await fetch(`${system.siteUrl}/faq/2/`)).status === 200,
    120_000,
    'the rebuild with a second FAQ page to go live',
  );
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

/** Opens a page in a context of its own; `afterEach` checks its console and traffic and closes it. */
async function open(options: VisitOptions): Promise<Visit> {
  current = await visit(browser, system.siteUrl, options);
  return current;
}

afterEach(async () => {
  const done = current;
  current = undefined;
  if (done) await closeAndCheck(done);
});

describe.each(WIDTHS)('at %i px', (width) => {
  // One context for the width; every test below loads its page afresh in it.
  const shared = sharedVisit(() => ({ browser, siteUrl: system.siteUrl }), { width });

  describe.each(TEMPLATES)('$name ($path)', ({ name, path: urlPath, status }) => {
    it('has no WCAG 2.1 A/AA violations (and leaves a screenshot)', async () => {
      const { page, goto } = shared();
      await goto(urlPath, status);
      await saveScreenshot(page, `${name}-${width}`);
      expect(await findAxeViolations(page)).toEqual([]);
    });

    it('offers a skip link as the first Tab stop, which moves focus to the main content', async () => {
      const { page, goto } = shared();
      await goto(urlPath, status);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const box = el.getBoundingClientRect();
        return { href: el.getAttribute('href'), text: el.textContent?.trim(), visible: box.top >= 0 && box.height > 0 };
      });
      expect(first).toEqual({ href: '#main', text: 'Skip to main content', visible: true });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    });

    it('reaches every control by keyboard, each with a visible focus indicator', async () => {
      const { page, goto } = shared();
      await goto(urlPath, status);
      const reachable = await markFocusables(page);
      const stops = await tabThrough(page);
      const visited = new Set(stops.map((s) => s.key));
      const missed = [...reachable].filter(([key]) => !visited.has(key)).map(([, label]) => label);
      expect(missed, 'controls Tab never reaches').toEqual([]);
      expect(
        stops.filter((s) => !s.focusVisible).map((s) => s.label),
        'Tab stops without a visible focus indicator',
      ).toEqual([]);
      expect(
        stops.filter((s) => !s.onScreen).map((s) => s.label),
        'Tab stops off screen',
      ).toEqual([]);
      expect(stops.length).toBeGreaterThanOrEqual(reachable.size);
    });
  });
});

describe(`at ${NARROWEST_WIDTH} px`, () => {
  const shared = sharedVisit(() => ({ browser, siteUrl: system.siteUrl }), { width: NARROWEST_WIDTH });

  it.each(TEMPLATES)('$name ($path) reflows without scrolling sideways', async ({ path: urlPath, status }) => {
    const { page, goto } = shared();
    await goto(urlPath, status);
    expect(await horizontalOverflow(page)).toBe(0);
  });
});

describe(`the Spanish pages at ${NARROWEST_WIDTH} px`, () => {
  const shared = sharedVisit(() => ({ browser, siteUrl: system.siteUrl }), { width: NARROWEST_WIDTH });

  it.each(SPANISH_TEMPLATES)(
    '$name ($path) has no WCAG 2.1 A/AA violations and reflows without scrolling sideways',
    async ({ name, path: urlPath, status }) => {
      const { page, goto } = shared();
      await goto(urlPath, status);
      await saveScreenshot(page, `${name}-${NARROWEST_WIDTH}`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      expect(await findAxeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
    },
  );
});

describe('the language switch', () => {
  it('takes a page to its Spanish version and back, by a link, whatever language the browser asks for', async () => {
    const english = '/programs/intensive-outpatient-program/';
    const spanish = '/es/programs/programa-ambulatorio-intensivo/';
    // A browser set to Spanish still gets the page it asked for: nothing redirects by language.
    const { page, goto } = await open({ width: WIDTHS[0], locale: 'es-US' });
    await goto(english);
    expect(new URL(page.url()).pathname).toBe(english);

    await page.getByRole('link', { name: 'Español', exact: true }).click();
    await page.waitForURL((url) => url.pathname === spanish);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expect(page.locator('h1').innerText()).resolves.toBe('Programa ambulatorio intensivo (IOP)');

    await page.getByRole('link', { name: 'English', exact: true }).click();
    await page.waitForURL((url) => url.pathname === english);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});

describe('the HTML the publisher serves', () => {
  it('passes html-validate (recommended preset) on every built page', async () => {
    const live = path.join(system.cms.dataDir, 'builds', 'current');
    const pages = readPages(fs.realpathSync(live));
    expect(pages.length).toBeGreaterThan(20);
    const validator = new HtmlValidate(
      new StaticConfigLoader({
        extends: ['html-validate:recommended'],
        rules: {
          // The rule only sees the link's own class or inline style. Tailwind's
          // `whitespace-nowrap` is what it asks for; `btn` links (CallButton.astro) carry a
          // label that may wrap, with the number itself in a `whitespace-nowrap` span.
          'tel-non-breaking': ['error', { ignoreClasses: ['whitespace-nowrap', 'btn'] }],
        },
      }),
    );
    const problems: string[] = [];
    for (const { urlPath, html } of pages) {
      const report = await validator.validateString(html, urlPath);
      for (const result of report.results)
        for (const m of result.messages) problems.push(`${urlPath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});

// Last in the file: it renames a level, so the site it leaves behind differs from the one the
// checks above ran on. The level is one no template above visits.
describe('an old address after a slug change', () => {
  it('takes the browser from the old address to the renamed page in one 301', async () => {
    const level = 'api::program-level.program-level';
    const oldPath = '/programs/outpatient-program/';
    const newPath = '/programs/outpatient-program-renamed/';
    const found = await system.contentManager(
      'GET',
      `/collection-types/${level}?filters[slug][$eq]=outpatient-program&pageSize=1`,
    );
    const [entry] = ((await found.json()) as { results: { documentId: string; name: string; shortName?: string }[] })
      .results;
    if (!entry) throw new Error('the seeded outpatient program is missing');
    await system.contentManager('POST', `/collection-types/${level}/${entry.documentId}/actions/publish`, {
      slug: 'outpatient-program-renamed',
    });
    await eventually(
      async () => (await fetch(`${system.siteUrl}${newPath}`)).status === 200,
      120_000,
      'the renamed level to go live',
    );

    const { page } = await open({ width: WIDTHS[1] });
    const response = await page.goto(new URL(oldPath, system.siteUrl).href, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(newPath);
    const hop = response?.request().redirectedFrom();
    expect(hop?.url()).toBe(new URL(oldPath, system.siteUrl).href);
    expect((await hop?.response())?.status()).toBe(301);
    expect(hop?.redirectedFrom(), 'a second hop').toBeNull();
    await expect(page.locator('h1').innerText()).resolves.toBe(displayName(entry));
  });
});
