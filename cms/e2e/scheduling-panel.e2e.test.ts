import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEntry, signInToAdmin } from '@clinic/testing/admin-ui';
import { launchChromium } from '@clinic/testing/chromium';
import {
  adminLogin,
  contentManagerClient,
  startTestCms,
  TEST_ADMIN,
  type TestCms,
} from '@clinic/testing/start-test-cms';
import { eventually } from '@clinic/testing/start-test-system';

/**
 * The edit view's Schedule panel in the real admin (built by cms/e2e/global-setup.ts), in a
 * Chromium whose clock is set to Berlin: times are typed and shown on the clinic's clock
 * (America/Los_Angeles) whatever the editor's computer says, and stored as the right UTC
 * instant, read back through the admin API. Then a scheduled publish that fails shows on the
 * home page, and the home page counts the entries with unpublished changes, linked to the list
 * of exactly those. Only a CMS (sweeping every second), no publisher: no build is awaited here.
 */

const LEVEL = 'api::program-level.program-level';
/** Next year, so both times are in the future; January is PST (UTC-8), July PDT (UTC-7). */
const YEAR = new Date().getUTCFullYear() + 1;
const WINTER = {
  date: `${YEAR}-01-05`,
  time: '08:00',
  shown: `Jan 5, ${YEAR}, 8:00 AM PST`,
  utc: `${YEAR}-01-05T16:00:00.000Z`,
};
const SUMMER = {
  date: `${YEAR}-07-06`,
  time: '08:30',
  shown: `Jul 6, ${YEAR}, 8:30 AM PDT`,
  utc: `${YEAR}-07-06T15:30:00.000Z`,
};

interface StoredAction {
  documentId: string;
  mode: string;
  status: string;
  executeAt: string;
}

let cms: TestCms;
let browser: Browser;
let page: Page;
let jwt: string;
let documentId: string;

beforeAll(async () => {
  [browser, cms] = await Promise.all([
    launchChromium(),
    startTestCms({ SERVE_ADMIN_PANEL: 'true', SCHEDULED_ACTIONS_RULE: '* * * * * *' }),
  ]);
  jwt = await adminLogin(cms);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin' });
  page = await context.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await cms?.dispose();
});

/** The entry's scheduled actions as the CMS stores them (UTC), through the admin API. */
async function storedActions(): Promise<StoredAction[]> {
  const query = new URLSearchParams({ targetUid: LEVEL, targetDocumentId: documentId });
  const res = await fetch(`${cms.url}/admin/scheduling/actions?${query.toString()}`, {
    headers: { Authorization: `Bearer ${jwt}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: StoredAction[] }).data;
}

/** The edit view's "Schedule" side panel. */
const panel = (): Locator =>
  page.locator('aside').filter({ has: page.getByRole('heading', { name: 'Schedule', exact: true }) });
/** The side column is narrow: no button or field may stick out of the panel's box. */
async function expectEveryControlInsidePanel(): Promise<void> {
  const box = await panel().boundingBox();
  if (!box) throw new Error('the Schedule panel is not shown');
  for (const control of await panel().locator('button, input').all()) {
    const own = await control.boundingBox();
    const name = (await control.getAttribute('aria-label')) ?? (await control.textContent()) ?? '';
    expect(own, name).not.toBeNull();
    expect(own!.x, name).toBeGreaterThanOrEqual(box.x);
    expect(own!.x + own!.width, name).toBeLessThanOrEqual(box.x + box.width);
  }
}

const scheduledHere = () => panel().getByRole('list', { name: 'Scheduled for this entry' });

describe('the Schedule panel of an entry', () => {
  it('opens in the edit view of a program level once signed in', async () => {
    await signInToAdmin(page, cms.url, TEST_ADMIN);
    await openEntry(page, 'Program level', 'Partial hospitalization program');
    await page.waitForURL(new RegExp(`/collection-types/${LEVEL}/[a-z0-9]+`));
    documentId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await panel().getByText('Nothing scheduled for this entry.').waitFor();
    expect(await storedActions()).toEqual([]);
  });

  it('schedules a publish typed on the clinic clock, lists it in Pacific time and stores its UTC instant', async () => {
    await panel().getByLabel('Date', { exact: true }).fill(WINTER.date);
    await panel().getByLabel('Time', { exact: true }).fill(WINTER.time);
    await panel().getByRole('button', { name: 'Schedule publish' }).click();

    await scheduledHere().getByText(WINTER.shown).waitFor();
    expect(await scheduledHere().getByRole('listitem').count()).toBe(1);
    expect(await scheduledHere().getByRole('listitem').first().textContent()).toMatch(/^scheduled\s*Publish/);
    expect(await storedActions()).toMatchObject([{ mode: 'publish', status: 'scheduled', executeAt: WINTER.utc }]);
    await expectEveryControlInsidePanel();
  });

  it('moves it to a summer time, shown as PDT and stored an hour closer to UTC', async () => {
    const [before] = await storedActions();
    await scheduledHere().getByRole('button', { name: 'Change time' }).click();
    const newDate = panel().getByLabel('New date');
    const newTime = panel().getByLabel('New time');
    // The editor starts from the time it has now, on the clinic clock.
    expect([await newDate.inputValue(), await newTime.inputValue()]).toEqual([WINTER.date, WINTER.time]);
    await expectEveryControlInsidePanel();
    await newDate.fill(SUMMER.date);
    await newTime.fill(SUMMER.time);
    await panel().getByRole('button', { name: 'Save new time' }).click();

    await scheduledHere().getByText(SUMMER.shown).waitFor();
    expect(await panel().getByText(WINTER.shown).count()).toBe(0);
    expect(await storedActions()).toEqual([
      expect.objectContaining({ documentId: before?.documentId, status: 'scheduled', executeAt: SUMMER.utc }),
    ]);
  });

  it('says why it refuses a time that has passed, and keeps the schedule as it was', async () => {
    await panel()
      .getByLabel('Date', { exact: true })
      .fill(`${YEAR - 2}-03-08`);
    await panel().getByLabel('Time', { exact: true }).fill('02:30');
    await panel().getByRole('button', { name: 'Schedule unpublish' }).click();
    await panel()
      .getByRole('alert')
      .getByText(/has already passed: pick a later time/)
      .waitFor();
    expect(await storedActions()).toHaveLength(1);
  });

  it('cancels it, so nothing is scheduled or stored', async () => {
    await scheduledHere().getByRole('button', { name: 'Cancel publish' }).click();
    await panel().getByText('Nothing scheduled for this entry.').waitFor();
    await eventually(async () => (await storedActions()).length === 0, 5000, 'the action to be deleted');
  });

  it('shows a scheduled publish that failed in the home page widget, linking to the entry that says why', async () => {
    const contentManager = contentManagerClient(cms, () => jwt);
    const created = await contentManager('POST', '/collection-types/api::faq.faq', {
      question: 'Is there parking at the clinic?',
      slug: 'is-there-parking-at-the-clinic',
      answer: 'Yes.',
      topic: 'getting-started',
      order: 9000,
    });
    const faq = ((await created.json()) as { data: { documentId: string } }).data.documentId;
    // A draft may lack its answer; publishing it may not.
    await contentManager('PUT', `/collection-types/api::faq.faq/${faq}`, { answer: null });
    const res = await fetch(`${cms.url}/admin/scheduling/actions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        targetUid: 'api::faq.faq',
        targetDocumentId: faq,
        mode: 'publish',
        executeAt: new Date(Date.now() + 1000).toISOString(),
      }),
    });
    expect(res.status).toBe(201);
    const failedRun = async () => {
      const list = await fetch(`${cms.url}/admin/scheduling/failures`, { headers: { Authorization: `Bearer ${jwt}` } });
      return ((await list.json()) as { data: unknown[] }).data.length === 1;
    };
    await eventually(failedRun, 20_000, 'the scheduled publish to fail');

    await page.getByRole('link', { name: 'Home' }).click();
    const failures = page.getByRole('region', { name: 'Public website' }).getByRole('alert');
    await failures.getByText('1 scheduled change failed:').waitFor({ timeout: 20_000 });
    expect(await failures.textContent()).toMatch(
      /Is there parking at the clinic\?, Publish due .+ P[SD]T: Answer is required: fill it in\./,
    );
    await failures.getByRole('link', { name: 'Is there parking at the clinic?' }).click();
    await page.waitForURL(new RegExp(`/collection-types/api::faq.faq/${faq}`));
    await scheduledHere()
      .getByText('Not done: Answer is required: fill it in. Fix the entry, then schedule it again.')
      .waitFor();
  });

  it('counts the entries with unpublished changes on the home page and links to exactly those in the list', async () => {
    await page.getByRole('link', { name: 'Home' }).click();
    const changes = page
      .getByRole('region', { name: 'Public website' })
      .getByRole('group', { name: 'Unpublished changes' });
    // The FAQ above is the one draft: everything seeded is published.
    await changes.getByText('1 entry has unpublished changes:').waitFor({ timeout: 20_000 });
    expect(await changes.textContent()).toContain('FAQ: 1 never published');
    await changes.getByRole('link', { name: '1 never published' }).click();
    await page.waitForURL(/\/collection-types\/api::faq\.faq\?/);
    await page.getByRole('gridcell', { name: 'Is there parking at the clinic?' }).waitFor();
    // The list's own Status filter ("Draft (never published)"): no seeded FAQ, only the header and the draft.
    expect(await page.getByRole('row').count()).toBe(2);
  });
});
