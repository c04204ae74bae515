import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LIGHTHOUSE_HERO_PAGE,
  LIGHTHOUSE_PAGES,
  publishLighthouseHero,
  runLighthouseChecks,
  startDebuggableChromium,
  transferBudgetOf,
  type DebuggableChromium,
} from '@clinic/testing/run-lighthouse';
import { eventually, startTestSystem, type TestSystem } from '@clinic/testing/start-test-system';

/**
 * Lighthouse 12.2.3 (mobile, simulated throttling) on the pages the publisher serves: the seeded
 * (text-only) pages, and a level page given an uploaded hero photo. Only what does not depend on
 * the machine is asserted: accessibility, best practices and SEO at 100, and the bytes a page
 * transfers. Performance, LCP, CLS and TBT vary with the machine's load; `npm run bench:lighthouse`
 * prints them against their targets. So the runs here leave the performance category out
 * (`runLighthouseChecks`): no trace, no simulated load, the same audits for the rest.
 */

let system: TestSystem;
let chromium: DebuggableChromium;

beforeAll(async () => {
  chromium = await startDebuggableChromium();
  system = await startTestSystem();
  await eventually(async () => (await system.status()).live !== null, 180_000, 'the first build to go live');
  await publishLighthouseHero(system, 180_000);
}, 420_000);

afterAll(async () => {
  await chromium?.close();
  await system?.stop();
});

describe.each([...LIGHTHOUSE_PAGES, LIGHTHOUSE_HERO_PAGE.path])('Lighthouse on %s', (path) => {
  it(`scores 100 for accessibility, best practices and SEO and transfers under ${transferBudgetOf(path) / 1024} KB`, async () => {
    const figures = await runLighthouseChecks(`${system.siteUrl}${path}`, chromium.port);
    expect(
      {
        accessibility: figures.scores.accessibility,
        'best-practices': figures.scores['best-practices'],
        seo: figures.scores.seo,
      },
      figures.shortfalls.join('; '),
    ).toEqual({ accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(figures.transferBytes).toBeLessThan(transferBudgetOf(path));
  });
});
