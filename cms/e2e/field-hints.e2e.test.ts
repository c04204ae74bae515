import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEntry, signInToAdmin } from '@clinic/testing/admin-ui';
import { launchChromium } from '@clinic/testing/chromium';
import { startTestCms, TEST_ADMIN, type TestCms } from '@clinic/testing/start-test-cms';
import helpText from '../src/content-help.json';

/**
 * Limited text fields in the real admin (built by cms/e2e/global-setup.ts): each shows its
 * character count ("49 / 60") while the editor types, says so to a screen reader only when
 * the count crosses the limit, and keeps its help text when it shows an error. Number fields
 * keep theirs with an error too. Only a CMS with its admin panel, no publisher: the one
 * Publish here is refused.
 */

const META_TITLE_HINT = helpText['shared.seo'].metaTitle;
const SUMMARY_HINT = helpText['api::condition.condition'].summary;
const HOURS_MAX_HINT = helpText['shared.schedule-facts'].hoursPerWeekMax;
const SEEDED_META_TITLE = 'Alcohol Use Disorder Treatment | California Detox';
const LONG_META_TITLE = `${SEEDED_META_TITLE} in Laguna Beach, CA`;

let cms: TestCms;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [browser, cms] = await Promise.all([launchChromium(), startTestCms({ SERVE_ADMIN_PANEL: 'true' })]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await cms?.dispose();
});

/** A field's label as the admin shows it: required fields end in an asterisk. */
const labelled = (label: string) => new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\*?$`);
/** The field labelled `label`: the innermost box around its label and input, so also its hint, count and error. */
const fieldOf = (label: string): Locator =>
  page
    .locator('div')
    .filter({ has: page.locator('label').getByText(labelled(label)) })
    .filter({ has: page.getByLabel(labelled(label)) })
    .last();
/** What a screen reader reads for an input's aria-describedby, in order. */
async function descriptionOf(input: Locator): Promise<string[]> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  return Promise.all(ids.map(async (id) => (await page.locator(`[id="${id}"]`).textContent()) ?? ''));
}

describe('a limited text field in the edit view', () => {
  it('shows the count against its limit next to the field, for a field and a field of a component', async () => {
    await signInToAdmin(page, cms.url, TEST_ADMIN);
    await openEntry(page, 'Condition', 'Alcohol use disorder');

    const summary = page.getByLabel(labelled('Summary'));
    const summaryLength = (await summary.inputValue()).length;
    await fieldOf('Summary').getByText(`${summaryLength} / 400`, { exact: true }).waitFor();
    await fieldOf('Summary').getByText(SUMMARY_HINT).waitFor();

    const metaTitle = page.getByLabel(labelled('Meta title'));
    expect(await metaTitle.inputValue()).toBe(SEEDED_META_TITLE);
    await fieldOf('Meta title').getByText(`${SEEDED_META_TITLE.length} / 60`, { exact: true }).waitFor();
    // Strapi's hint puts the limits before the help text: "max. 60 characters", then the help.
    expect(await descriptionOf(metaTitle)).toEqual([
      expect.stringContaining(META_TITLE_HINT),
      '49 characters of 60 allowed.',
    ]);
  });

  it('counts while typing and announces going over the limit once', async () => {
    const metaTitle = page.getByLabel(labelled('Meta title'));
    const announcement = fieldOf('Meta title').locator('[aria-live="polite"]');
    expect(await announcement.textContent()).toBe('');

    await metaTitle.fill(LONG_META_TITLE);
    const over = fieldOf('Meta title').getByText(`${LONG_META_TITLE.length} / 60`, { exact: true });
    await over.waitFor();
    await announcement.getByText('Over the limit of 60 characters.').waitFor();
    // Further keystrokes while over change the count, not the announcement.
    await metaTitle.press('End');
    await metaTitle.pressSequentially('!');
    await fieldOf('Meta title')
      .getByText(`${LONG_META_TITLE.length + 1} / 60`, { exact: true })
      .waitFor();
    expect(await announcement.textContent()).toBe('Over the limit of 60 characters.');
  });

  it('keeps the hint under the field beside the error after Save, and both are read with the field', async () => {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const metaTitle = page.getByLabel(labelled('Meta title'));
    await fieldOf('Meta title').getByText('Too long: at most 60 characters. Shorten it.').waitFor();
    expect(await fieldOf('Meta title').getByText(META_TITLE_HINT).isVisible()).toBe(true);
    expect(await metaTitle.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(metaTitle)).toEqual([
      expect.stringContaining(META_TITLE_HINT),
      `${LONG_META_TITLE.length + 1} characters, ${LONG_META_TITLE.length + 1 - 60} over the limit of 60.`,
      'Too long: at most 60 characters. Shorten it.',
    ]);
  });

  it('announces being within the limit again once the editor shortens it', async () => {
    const metaTitle = page.getByLabel(labelled('Meta title'));
    await metaTitle.fill(SEEDED_META_TITLE);
    await fieldOf('Meta title').getByText('49 / 60', { exact: true }).waitFor();
    await fieldOf('Meta title')
      .locator('[aria-live="polite"]')
      .getByText('Within the limit of 60 characters again.')
      .waitFor();
  });
});

describe('a number field in the edit view', () => {
  it('keeps its hint under the field beside the error of a refused Publish, and both are read with the field', async () => {
    await openEntry(page, 'Program level', 'Intensive outpatient program');
    // The level's own schedule; its alternate schedules stay folded.
    const max = page.getByLabel(labelled('Hours per week (max)')).first();
    const minimum = Number(await page.getByLabel(labelled('Hours per week (min)')).first().inputValue());
    expect(minimum).toBeGreaterThan(0);
    expect(await descriptionOf(max)).toEqual([expect.stringContaining(HOURS_MAX_HINT)]);

    await max.fill(String(minimum - 1));
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const error = fieldOf('Hours per week (max)').getByText(
      `Hours per week (max) must be at least the minimum, ${minimum}.`,
    );
    await error.waitFor();
    expect(await fieldOf('Hours per week (max)').getByText(HOURS_MAX_HINT).isVisible()).toBe(true);
    expect(await max.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(max)).toEqual([
      expect.stringContaining(HOURS_MAX_HINT),
      expect.stringMatching(new RegExp(`^Hours per week \\(max\\) must be at least the minimum, ${minimum}\\.`)),
    ]);
  });
});
