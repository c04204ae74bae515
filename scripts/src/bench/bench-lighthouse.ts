/**
 * `npm run bench:lighthouse`: Lighthouse 12.2.3 (mobile, simulated throttling) on the real
 * system (seeded CMS on SQLite, publisher, Astro build, served by the publisher), for the
 * pages of LIGHTHOUSE_PAGES and LIGHTHOUSE_HERO_PAGE (a level given an uploaded hero photo). Prints every figure per page against its target: the four
 * category scores, LCP, CLS, TBT and total transfer. Exits 1 when a target is missed.
 * The browser suite (site/e2e/lighthouse.e2e.test.ts) asserts only the deterministic part.
 */
import { eventually, startTestSystem } from '@clinic/testing/start-test-system';
import {
  CATEGORIES,
  LIGHTHOUSE_HERO_PAGE,
  LIGHTHOUSE_PAGES,
  LIGHTHOUSE_TARGETS,
  publishLighthouseHero,
  runLighthouse,
  startDebuggableChromium,
  transferBudgetOf,
  type LighthouseFigures,
} from '@clinic/testing/run-lighthouse';

const T = LIGHTHOUSE_TARGETS;

/** Each figure as printed, and whether it meets its target. */
function figuresOf(path: string, f: LighthouseFigures): [label: string, value: string, ok: boolean][] {
  return [
    ...CATEGORIES.map((c): [string, string, boolean] => [c, String(f.scores[c]), f.scores[c] >= T[c]]),
    ['LCP', `${(f.lcpMs / 1000).toFixed(2)} s`, f.lcpMs < T.lcpMs],
    ['CLS', f.cls.toFixed(3), f.cls < T.cls],
    ['TBT', `${Math.round(f.tbtMs)} ms`, true],
    ['transfer', `${(f.transferBytes / 1024).toFixed(1)} KB`, f.transferBytes < transferBudgetOf(path)],
  ];
}

async function main(): Promise<void> {
  console.log('[bench:lighthouse] starting CMS and publisher on a temp DATA_DIR...');
  const system = await startTestSystem();
  const chromium = await startDebuggableChromium().catch(async (error: unknown) => {
    await system.stop();
    throw error;
  });
  try {
    await eventually(async () => (await system.status()).live !== null, 180_000, 'the first build');
    await publishLighthouseHero(system);
    let missed = 0;
    for (const path of [...LIGHTHOUSE_PAGES, LIGHTHOUSE_HERO_PAGE.path]) {
      const figures = await runLighthouse(`${system.siteUrl}${path}`, chromium.port);
      const row = figuresOf(path, figures);
      missed += row.filter(([, , ok]) => !ok).length;
      console.log(`[bench:lighthouse] ${path}`);
      for (const [label, value, ok] of row)
        console.log(`  ${label.padEnd(15)} ${value.padStart(9)}${ok ? '' : '  MISSED'}`);
      for (const shortfall of figures.shortfalls) console.log(`  below 100: ${shortfall}`);
    }
    console.log(
      `[bench:lighthouse] targets: performance >= ${T.performance}, accessibility, best practices and SEO ${T.seo}, ` +
        `LCP < ${T.lcpMs / 1000} s, CLS < ${T.cls}, transfer < ${T.transferBytes / 1024} KB ` +
        `(${T.heroTransferBytes / 1024} KB with the hero photo); ${missed} missed`,
    );
    if (missed > 0) process.exitCode = 1;
  } finally {
    await chromium.close();
    await system.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
