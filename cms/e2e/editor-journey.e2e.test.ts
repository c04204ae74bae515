import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@clinic/testing/chromium';
import { eventually, startTestSystem, type TestSystem } from '@clinic/testing/start-test-system';

/**
 * The editor's one essential journey, through the real Strapi admin UI (built by
 * cms/e2e/global-setup.ts) in Chromium: log in, change copy, publish, watch the "Public
 * website" widget on the home page go from building to live, and find the change on the
 * site the publisher serves. Then the same for a new FAQ. Then a draft: Save (not Publish)
 * shows the change in the admin's preview pane and nowhere public, until it is published. The
 * steps run in order on one signed-in page, as an editor would work.
 */

const IOP_PATH = '/programs/intensive-outpatient-program/';
const NEW_SENTENCE = 'It suits people who need neither medical detox nor round-the-clock supervision.';
const FAQ = {
  question: 'Can I keep my phone during treatment?',
  answer: 'Yes. You keep your phone and can call family at set times each day.',
  order: '7',
};
const DRAFT_SENTENCE = 'Sessions run three evenings a week, so most people keep working.';

let system: TestSystem;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  system = await startTestSystem({ cmsEnv: { SERVE_ADMIN_PANEL: 'true' } });
  await eventually(async () => (await system.status()).live !== null, 180_000, 'the first build to go live');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

const sitePage = async (path: string) => (await fetch(`${system.siteUrl}${path}`)).text();

/** The "Public website" widget's status line on the admin home page. */
const deployStatus = () => page.getByRole('region', { name: 'Public website' }).getByRole('status');

async function waitForToast(text: string): Promise<void> {
  await page.getByText(text).first().waitFor({ timeout: 15_000 });
}

/** Opens an entry's edit view from the Content Manager's list. */
async function openEntry(type: string, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Content Manager' }).click();
  await page.getByRole('link', { name: type, exact: true }).click();
  await page.getByRole('gridcell', { name, exact: true }).click();
}

/** `text` with its last sentence replaced by `sentence`. */
function replaceLastSentence(text: string, sentence: string): string {
  return text.replace(/(?<=\.)\s+[^.]+\.\s*$/, ` ${sentence}`);
}

describe('an editor in the admin', () => {
  it('logs in with ADMIN_EMAIL and ADMIN_PASSWORD and sees the website live on the home page', async () => {
    await page.goto(`${system.cms.url}/admin`);
    await page.getByLabel('Email').fill(system.cms.env.ADMIN_EMAIL ?? '');
    await page.getByLabel('Password').fill(system.cms.env.ADMIN_PASSWORD ?? '');
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL(/\/admin\/?$/);
    await deployStatus()
      .getByText(/^Live, published/)
      .waitFor({ timeout: 15_000 });
  });

  it('changes a sentence of the IOP summary, publishes, sees "Building…" then "Live", and finds it on the page', async () => {
    expect(await sitePage(IOP_PATH)).not.toContain(NEW_SENTENCE);
    const liveBefore = (await system.status()).live?.id;

    await openEntry('Program level', 'Intensive outpatient program');
    const summary = page.getByLabel('summary');
    const before = await summary.inputValue();
    // The last sentence goes; the new one takes its place.
    const after = replaceLastSentence(before, NEW_SENTENCE);
    expect(after, 'the seeded summary has a last sentence to change').not.toBe(before);
    await summary.fill(after);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await waitForToast('Published document');

    // The widget polls every 3 s and a warm build takes about as long: go home once the build
    // runs, so the widget's first poll (on mount) is sure to find it building.
    await eventually(async () => (await system.status()).building, 30_000, 'the build to start');
    await page.getByRole('link', { name: 'Home' }).click();
    await deployStatus().getByText('Building…').waitFor({ timeout: 30_000 });
    await deployStatus()
      .getByText(/^Live, published/)
      .waitFor({ timeout: 120_000 });
    expect((await system.status()).live?.id).not.toBe(liveBefore);

    expect(await sitePage(IOP_PATH)).toContain(NEW_SENTENCE);
    const site = await browser.newPage();
    await site.goto(`${system.siteUrl}${IOP_PATH}`);
    expect(await site.getByText(NEW_SENTENCE).first().isVisible()).toBe(true);
    await site.close();
  });

  it('creates an FAQ with question, answer, topic and order, publishes it, and finds it on /faq/', async () => {
    expect(await sitePage('/faq/')).not.toContain(FAQ.question);

    await page.getByRole('link', { name: 'Content Manager' }).click();
    await page.getByRole('link', { name: 'FAQ', exact: true }).click();
    await page.getByRole('link', { name: 'Create new entry' }).first().click();
    await page.getByLabel('question').fill(FAQ.question);
    // The slug is the answer's anchor on /faq/: made from the question.
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await eventually(
      async () => (await page.getByLabel('slug').inputValue()) === 'can-i-keep-my-phone-during-treatment',
      10_000,
      'the slug made from the question',
    );
    // The Markdown editor (CodeMirror) names its editable area "Editor".
    await page.getByLabel('Editor').click();
    await page.keyboard.type(FAQ.answer);
    await page.getByRole('combobox', { name: 'topic' }).click();
    // The picker shows the topic by the heading the FAQ page uses, not its code.
    await page.getByRole('option', { name: 'Getting started', exact: true }).click();
    await page.getByLabel('order').fill(FAQ.order);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await waitForToast('Published document');

    await eventually(async () => (await sitePage('/faq/')).includes(FAQ.question), 90_000, 'the FAQ on /faq/');
    const site = await browser.newPage();
    await site.goto(`${system.siteUrl}/faq/#can-i-keep-my-phone-during-treatment`);
    const topic = site.getByRole('region', { name: 'Getting started' });
    // The question's heading carries the anchor (search results link to it too).
    const question = topic.getByRole('heading', { name: FAQ.question });
    expect(await question.isVisible()).toBe(true);
    expect(await question.getAttribute('id')).toBe('can-i-keep-my-phone-during-treatment');
    expect(await topic.getByText(FAQ.answer).isVisible()).toBe(true);
    await site.close();
  });

  it("saves a draft of the IOP summary and sees it in the admin's preview pane, and nowhere public", async () => {
    const liveBefore = (await system.status()).live?.id;
    await openEntry('Program level', 'Intensive outpatient program');
    const summary = page.getByLabel('summary');
    const after = replaceLastSentence(await summary.inputValue(), DRAFT_SENTENCE);
    await summary.fill(after);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForToast('Saved document');

    // The edit view's Preview panel opens the preview page; its frame loads the admin's signed
    // link, which the publisher answers with a build of the drafts.
    await page.getByRole('link', { name: 'Open preview' }).click();
    const pane = page.locator('iframe[title="Preview"]').contentFrame();
    await pane.getByText(DRAFT_SENTENCE).first().waitFor({ timeout: 60_000 });
    expect(await pane.getByText('Preview: not published.').isVisible()).toBe(true);

    // Not on the live site, which did not build for a save; not on the preview without the link.
    expect(await sitePage(IOP_PATH)).not.toContain(DRAFT_SENTENCE);
    expect((await system.status()).live?.id).toBe(liveBefore);
    const stranger = await fetch(`${system.previewUrl}${IOP_PATH}`);
    expect(stranger.status).toBe(401);
    expect(await stranger.text()).not.toContain(DRAFT_SENTENCE);
  });

  it('publishes the draft from the preview page and finds it on the live page', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await waitForToast('Published document');
    await eventually(
      async () => (await sitePage(IOP_PATH)).includes(DRAFT_SENTENCE),
      90_000,
      'the published summary on the live page',
    );
  });

  it("gives an FAQ's Preview the FAQ page and anchor that show it", async () => {
    const found = await system.contentManager(
      'GET',
      '/collection-types/api::faq.faq?filters[slug][$eq]=can-i-keep-my-phone-during-treatment&pageSize=1',
    );
    const { documentId } = ((await found.json()) as { results: { documentId: string }[] }).results[0]!;
    const link = await system.contentManager('GET', `/preview/url/api::faq.faq?documentId=${documentId}&status=draft`);
    const { url } = ((await link.json()) as { data: { url: string } }).data;
    // The seeded questions and this one fit one page: /faq/ (see cms/src/preview/faq-page.ts).
    expect(new URL(url).searchParams.get('path')).toBe('/faq/#can-i-keep-my-phone-during-treatment');
  });
});
