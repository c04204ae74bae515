import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@clinic/testing/chromium';
import { eventually, startTestSystem, type TestSystem } from '@clinic/testing/start-test-system';
import { findAxeViolations, saveScreenshot } from './support/page-checks.ts';
import { closeAndCheck, visit, type Visit, type VisitOptions } from './support/visit.ts';

/**
 * Site search in real Chromium, on builds the publisher indexed: pages and FAQ answers are
 * found at their anchors, a draft never is, the query stays in the browser, and the page
 * passes axe with no console error (CSP violations included) and no request off the site.
 * Each language searches its own pages only.
 */

const IOP_HOURS = '/faq/#how-many-hours-a-week-is-an-intensive-outpatient-program';
// The same question in the seed's Spanish, on the Spanish FAQ page.
const ES_IOP_HOURS = '/es/faq/#cuantas-horas-a-la-semana-dura-un-programa-ambulatorio-intensivo';
// Words that appear nowhere else: a draft's and a published question's.
const DRAFT_WORD = 'zebrafinchdraft';
const PUBLISHED_WORD = 'kingfisherlive';

let system: TestSystem;
let browser: Browser;
let current: Visit | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  system = await startTestSystem();
  await eventually(async () => (await system.status()).live !== null, 180_000, 'the first build to go live');
  // A draft (saved, never published), then a published question: the build that follows the
  // publish reads the CMS after the draft was saved, so it is the build that must leave it out.
  const draft = await system.contentManager('POST', '/collection-types/api::faq.faq', {
    question: `Is ${DRAFT_WORD} a question still in draft?`,
    slug: 'draft-only-question',
    answer: `Draft answer about ${DRAFT_WORD}.`,
    topic: 'getting-started',
    order: 9998,
  });
  expect(draft.ok, `draft FAQ saved (${draft.status})`).toBe(true);
  const published = await system.contentManager('POST', '/collection-types/api::faq.faq/actions/publish', {
    question: `Is ${PUBLISHED_WORD} a published question?`,
    slug: 'published-search-question',
    answer: `Published answer about ${PUBLISHED_WORD}.`,
    topic: 'getting-started',
    order: 9999,
  });
  expect(published.ok, `FAQ published (${published.status})`).toBe(true);
  await eventually(
    async () => (await (await fetch(`${system.siteUrl}/faq/`)).text()).includes(PUBLISHED_WORD),
    120_000,
    'the rebuild with the published question to go live',
  );
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function open(options: VisitOptions): Promise<Visit> {
  current = await visit(browser, system.siteUrl, options);
  return current;
}

afterEach(async () => {
  const done = current;
  current = undefined;
  // No console error (a CSP violation is one), no request to another origin.
  if (done) await closeAndCheck(done);
});

/**
 * Types `query` in the search page's box, found by its label (`label`: the Spanish page's
 * words on /es/search/), and waits for the live region to report on that query.
 */
async function search(page: Page, query: string, label = 'Search for'): Promise<{ status: string; links: string[] }> {
  const input = page.getByLabel(label);
  await input.fill(query);
  const status = page.locator('[data-search-status]');
  // Both languages end the report with the query in quotes (“…”).
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(new RegExp(`“${query}”$`));
  const links = await page
    .locator('[data-search-results] a')
    .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  return { status: (await status.textContent()) ?? '', links };
}

describe('site search', () => {
  it('finds the group therapy page', async () => {
    const { page, goto } = await open({ width: 375 });
    await goto('/search/');
    const { status, links } = await search(page, 'group therapy');
    expect(status).toMatch(/^\d+ results? for “group therapy”$/);
    expect(links).toContain('/treatments/group-therapy/');
  });

  it('finds the IOP hours answer at its anchor, and the link lands on it', async () => {
    const { page, goto } = await open({ width: 1280 });
    await goto('/search/');
    const { links } = await search(page, 'how many hours');
    expect(links).toContain(IOP_HOURS);
    await page.locator(`[data-search-results] a[href="${IOP_HOURS}"]`).click();
    await page.waitForURL(`**${IOP_HOURS}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent?.trim())).toBe(
      'How many hours a week is an intensive outpatient program?',
    );
  });

  it('finds a published question and never a draft', async () => {
    const { page, goto } = await open({ width: 1280 });
    await goto('/search/');
    expect((await search(page, PUBLISHED_WORD)).links).toContain('/faq/#published-search-question');
    const draft = await search(page, DRAFT_WORD);
    expect(draft.status).toBe(`No results for “${DRAFT_WORD}”`);
    expect(draft.links).toEqual([]);
  });

  it('searches each language apart: Spanish pages from /es/search/, English ones from /search/', async () => {
    // One context for both pages: a context per test costs Chromium a renderer.
    const { page, goto } = await open({ width: 1280 });
    await goto('/es/search/');
    const spanish = await search(page, 'cuántas horas', 'Qué busca');
    expect(spanish.status).toMatch(/^\d+ resultados? para “cuántas horas”$/);
    expect(spanish.links).toContain(ES_IOP_HOURS);
    // 'IOP' is in pages of both languages: each search page answers with its own language's.
    const spanishIop = await search(page, 'IOP', 'Qué busca');
    expect(spanishIop.links.length).toBeGreaterThan(0);
    expect(spanishIop.links.filter((href) => !href.startsWith('/es/'))).toEqual([]);
    await goto('/search/');
    const englishIop = await search(page, 'IOP');
    expect(englishIop.links.length).toBeGreaterThan(0);
    expect(englishIop.links.filter((href) => href.startsWith('/es/'))).toEqual([]);
  });

  it('takes a query from the header box to the search page in the fragment, never in a request', async () => {
    const { page, goto, context } = await open({ width: 1280 });
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    await goto('/');
    await page.getByLabel('Search the site').fill('group therapy');
    await page.getByLabel('Search the site').press('Enter');
    await page.waitForURL('**/search/#q=group+therapy');
    await expect.poll(() => page.locator('[data-search-results] a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(requested.filter((url) => /group|therapy/i.test(url))).toEqual([]);
    // The only query string is Pagefind's cache buster on its entry file.
    expect(requested.map((url) => new URL(url).search).filter((q) => q !== '' && !/^\?ts=\d+$/.test(q))).toEqual([]);
  });

  it('reaches every result with Tab, each with a visible focus ring', async () => {
    const { page, goto } = await open({ width: 1280 });
    await goto('/search/');
    await search(page, 'therapy');
    await page.getByLabel('Search for').focus();
    await page.keyboard.press('Tab'); // the Search button
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { inResults: el.closest('[data-search-results]') !== null, outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused).toEqual({ inResults: true, outline: 'solid' });
  });

  it('has no WCAG 2.1 A/AA violations with results shown (and leaves a screenshot)', async () => {
    for (const width of [375, 1280]) {
      const { page, goto } = await open({ width });
      await goto('/search/');
      await search(page, 'how many hours');
      await saveScreenshot(page, `search-${width}`);
      expect(await findAxeViolations(page), `${width} px`).toEqual([]);
      const done = current;
      current = undefined;
      if (done) await closeAndCheck(done);
    }
  });

  it('offers the FAQ topics and the page lists without JavaScript, and the header box sends nothing', async () => {
    const { page, goto, context } = await open({ width: 375, javaScriptEnabled: false });
    await goto('/search/');
    expect(await page.locator('[data-search-form]').isVisible()).toBe(false);
    for (const href of ['/faq/', '/programs/', '/treatments/', '/conditions/', '/treatments/group-therapy/']) {
      expect(await page.locator(`main a[href="${href}"]`).count(), href).toBeGreaterThan(0);
    }
    expect(await page.locator('main a[href^="/faq/#"]').count()).toBeGreaterThan(0);

    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    await goto('/');
    await page.getByLabel('Search the site').fill('group therapy');
    await page.getByLabel('Search the site').press('Enter');
    // The form has no named field: the browser asks for /search/ (with an empty "?") and nothing else.
    await page.waitForURL((url) => url.pathname === '/search/');
    expect(requested.filter((url) => /group|therapy/i.test(url))).toEqual([]);
  });
});
