import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@clinic/testing/chromium';
import { eventually, startTestSystem, type TestSystem } from '@clinic/testing/start-test-system';
import helpText from '../src/content-help.json';

/**
 * The editor's one essential journey, through the real Strapi admin UI (built by
 * cms/e2e/global-setup.ts) in Chromium: log in, change copy, publish, watch the "Public
 * website" widget on the home page go from building to live, and find the change on the
 * site the publisher serves. Then the same for a new FAQ. Then a draft: Save (not Publish)
 * shows the change in the admin's preview pane and nowhere public, until it is published. In
 * between, the editor's other everyday tasks: a new FAQ's slug follows its question as it is
 * typed, a schedule range that makes no sense is refused with a message naming the field, the
 * clinic's phone number is changed once and every number shown and dialled follows, and a live
 * page is unpublished only after a confirmation naming it. The steps run in order on one
 * signed-in page, as an editor would work; each task leaves a screenshot in
 * reports/screenshots/editor-<task>.png (git-ignored) for people to look at.
 */

const IOP_PATH = '/programs/intensive-outpatient-program/';
const NEW_SENTENCE = 'It suits people who need neither medical detox nor round-the-clock supervision.';
const FAQ = {
  question: 'Can I keep my phone during treatment?',
  answer: 'Yes. You keep your phone and can call family at set times each day.',
  order: '7',
};
const DRAFT_SENTENCE = 'Sessions run three evenings a week, so most people keep working.';
/** The seeded number (cms/seed/facility.md) and the one the editor changes it to, as typed and as the site shows it. */
const OLD_PHONE = { e164: '+19496948305', shown: '(949) 694-8305' };
const NEW_PHONE = { e164: '+19495550123', shown: '(949) 555-0123' };
/** A live page no other page links to (a link to it would fail the build once it is gone). */
const TAKEDOWN = { name: 'Prevention and early intervention', path: '/programs/prevention-and-early-intervention/' };

const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../reports/screenshots');

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

/** Leaves what `target` shows as reports/screenshots/editor-<task>.png. */
async function saveScreenshot(target: Page, task: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Dialogs fade in: finish their animations so the picture shows what the editor reads.
  await target.screenshot({ path: path.join(SCREENSHOT_DIR, `editor-${task}.png`), animations: 'disabled' });
}

/** A field's label as the admin shows it: required fields end in an asterisk. */
const labelled = (label: string) => new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\*?$`);

/** What a screen reader reads with an input (its hint, count and error), as one string. */
async function descriptionOf(input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** Where on a page a link can be: the page's header, its main content, its footer, or elsewhere. */
const PLACES = ['header', 'main', 'footer'] as const;

interface PhoneLink {
  where: (typeof PLACES)[number] | 'elsewhere';
  href: string;
  text: string;
}

/** Every `tel:` link of a live page (where it is, what it dials and what it says), and the page's text. */
async function phoneNumbersOn(sitePath: string): Promise<{ links: PhoneLink[]; text: string }> {
  const site = await browser.newPage();
  await site.goto(`${system.siteUrl}${sitePath}`);
  const read = async (link: Locator, where: PhoneLink['where']): Promise<PhoneLink> => ({
    where,
    href: (await link.getAttribute('href')) ?? '',
    text: ((await link.textContent()) ?? '').replace(/\s+/g, ' ').trim(),
  });
  const links: PhoneLink[] = [];
  for (const where of PLACES) {
    for (const link of await site.locator(`${where} a[href^="tel:"]`).all()) links.push(await read(link, where));
  }
  const outside = PLACES.map((where) => `:not(${where} *)`).join('');
  for (const link of await site.locator(`a[href^="tel:"]${outside}`).all()) links.push(await read(link, 'elsewhere'));
  const text = await site.locator('body').innerText();
  await site.close();
  return { links, text };
}

/** Waits for an input to hold `expected`; the error says what it held instead. */
async function waitForValue(input: Locator, expected: string, what: string): Promise<void> {
  let last = '';
  try {
    await eventually(async () => (last = await input.inputValue()) === expected, 10_000, what);
  } catch {
    throw new Error(`${what}: expected "${expected}", the field holds "${last}"`);
  }
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

  it("opens on the Public website widget, without Strapi's statistics or Cloud widgets, and Content Manager opens on program levels", async () => {
    const widgets = page.getByRole('main').getByRole('region');
    await widgets.first().waitFor();
    expect(await widgets.first().getByRole('heading').first().textContent()).toBe('Public website');
    // Strapi 5.54's own titles for its project-statistics and "Deploy with Strapi Cloud" widgets.
    expect(await page.getByText('Project statistics').count()).toBe(0);
    expect(await page.getByText('Ready to go live?').count()).toBe(0);
    await page.getByRole('link', { name: 'Content Manager' }).click();
    await page.waitForURL(/\/content-manager\/collection-types\/api::program-level\.program-level/);
    await page.goto(`${system.cms.url}/admin`);
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
    await saveScreenshot(page, 'iop-summary-live');
    expect((await system.status()).live?.id).not.toBe(liveBefore);

    expect(await sitePage(IOP_PATH)).toContain(NEW_SENTENCE);
    const site = await browser.newPage();
    await site.goto(`${system.siteUrl}${IOP_PATH}`);
    expect(await site.getByText(NEW_SENTENCE).first().isVisible()).toBe(true);
    await site.close();
  });

  it('creates an FAQ under a topic, sees its slug follow the question while typing, publishes it, and finds it on /faq/', async () => {
    expect(await sitePage('/faq/')).not.toContain(FAQ.question);

    await page.getByRole('link', { name: 'Content Manager' }).click();
    await page.getByRole('link', { name: 'FAQ', exact: true }).click();
    await page.getByRole('link', { name: 'Create new entry' }).first().click();
    // The slug is the answer's anchor on /faq/: made from the question, as the question is typed.
    const slug = page.getByLabel('slug');
    const question = page.getByLabel('question');
    const [firstWords, rest] = [FAQ.question.slice(0, 'Can I keep'.length), FAQ.question.slice('Can I keep'.length)];
    await question.pressSequentially(firstWords);
    await waitForValue(slug, 'can-i-keep', 'the slug following the first words');
    await question.pressSequentially(rest);
    await waitForValue(slug, 'can-i-keep-my-phone-during-treatment', 'the slug made from the whole question');
    await saveScreenshot(page, 'faq-slug-while-typing');
    // The Markdown editor (CodeMirror) names its editable area "Editor".
    await page.getByLabel('Editor').click();
    await page.keyboard.type(FAQ.answer);
    await page.getByRole('combobox', { name: 'topic' }).click();
    // The picker shows the topic by the heading the FAQ page uses, not its code.
    await page.getByRole('option', { name: 'Getting started', exact: true }).click();
    await page.getByLabel('order').fill(FAQ.order);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await waitForToast('Published document');
    // Published with the slug the question made (no Regenerate needed).
    expect(await slug.inputValue()).toBe('can-i-keep-my-phone-during-treatment');

    await eventually(async () => (await sitePage('/faq/')).includes(FAQ.question), 90_000, 'the FAQ on /faq/');
    const site = await browser.newPage();
    await site.goto(`${system.siteUrl}/faq/#can-i-keep-my-phone-during-treatment`);
    const topic = site.getByRole('region', { name: 'Getting started' });
    // The question's heading carries the anchor (search results link to it too).
    const heading = topic.getByRole('heading', { name: FAQ.question });
    expect(await heading.isVisible()).toBe(true);
    expect(await heading.getAttribute('id')).toBe('can-i-keep-my-phone-during-treatment');
    expect(await topic.getByText(FAQ.answer).isVisible()).toBe(true);
    await site.close();
  });

  it('refuses hours per week (max) below the minimum with a message naming the field, and drops it once fixed', async () => {
    await openEntry('Program level', 'Intensive outpatient program');
    // The level's own schedule comes first; its alternate schedules stay folded.
    const max = page.getByLabel(labelled('Hours per week (max)')).first();
    const min = page.getByLabel(labelled('Hours per week (min)')).first();
    expect(await min.inputValue()).toBe('12');
    const seededMax = await max.inputValue();
    await max.fill('10');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();

    const message =
      'Hours per week (max) must be at least the minimum, 12. Raise it to 12 or more, or lower Hours per week (min) to 10 or less.';
    await eventually(
      async () => (await max.getAttribute('aria-invalid')) === 'true',
      15_000,
      'the field marked invalid',
    );
    expect(await descriptionOf(max)).toContain(message);
    expect(await page.getByText(message, { exact: true }).first().isVisible()).toBe(true);
    // The notification says that nothing was published, and why.
    await page.getByText(`Not published. ${message}`, { exact: true }).waitFor({ timeout: 5_000 });
    await saveScreenshot(page, 'schedule-range-message');

    // Fixed from the other end: lowering the minimum takes the error off the maximum, and its hint is back.
    await min.fill('10');
    await eventually(
      async () => (await max.getAttribute('aria-invalid')) !== 'true',
      5_000,
      'the error to go once fixed',
    );
    expect(await descriptionOf(max)).not.toContain(message);
    expect(await descriptionOf(max)).toContain(helpText['shared.schedule-facts'].hoursPerWeekMax);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isEnabled()).toBe(true);
    // Back as seeded, unsaved: the draft step below opens this entry afresh.
    await min.fill('12');
    await max.fill(seededMax);
  });

  it('changes the phone number once and finds every number shown and dialled changed on the live site', async () => {
    // The IOP body says {phone} in its copy ("Call us at {phone} to talk it through.").
    const IOP = IOP_PATH;
    const IOP_SENTENCE = (shown: string) => `Call us at ${shown} to talk it through.`;
    const pages = ['/', '/contact/', IOP];
    const before = await Promise.all(pages.map(phoneNumbersOn));
    for (const [i, { links }] of before.entries()) {
      const places = new Set(links.filter((l) => l.href === `tel:${OLD_PHONE.e164}`).map((l) => l.where));
      expect([...places], `the clinic's number in the header and footer of ${pages[i]}`).toEqual(
        expect.arrayContaining(['header', 'footer']),
      );
    }

    const iopBefore = before[pages.indexOf(IOP)]!;
    expect(iopBefore.text).toContain(IOP_SENTENCE(OLD_PHONE.shown));
    expect(iopBefore.links).toContainEqual({ where: 'main', href: `tel:${OLD_PHONE.e164}`, text: OLD_PHONE.shown });

    await page.getByRole('link', { name: 'Content Manager' }).click();
    await page.getByRole('link', { name: 'Facility', exact: true }).click();
    const phone = page.getByLabel(labelled('Phone number'));
    expect(await phone.inputValue()).toBe(OLD_PHONE.e164);
    // Typed as an editor reads it; stored as E.164.
    await phone.fill(NEW_PHONE.shown);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await waitForToast('Published document');
    await eventually(
      async () => (await sitePage('/contact/')).includes(`tel:${NEW_PHONE.e164}`),
      90_000,
      'the new number on the live site',
    );

    for (const [i, sitePath] of pages.entries()) {
      const { links, text } = await phoneNumbersOn(sitePath);
      const oldLinks = before[i]!.links.filter((l) => l.href === `tel:${OLD_PHONE.e164}`);
      const newLinks = links.filter((l) => l.href === `tel:${NEW_PHONE.e164}`);
      // Each link that dialled the old number dials the new one, in the same places, and shows it.
      expect(newLinks.map((l) => l.where)).toEqual(oldLinks.map((l) => l.where));
      for (const link of newLinks) {
        if (/\d/.test(link.text)) expect(link.text, `a link in the ${link.where}`).toContain(NEW_PHONE.shown);
      }
      expect(
        links.filter((l) => l.href === `tel:${OLD_PHONE.e164}`),
        sitePath,
      ).toEqual([]);
      expect(text, sitePath).toContain(NEW_PHONE.shown);
      expect(text, sitePath).not.toContain(OLD_PHONE.shown);
      if (sitePath === IOP) {
        expect(text).toContain(IOP_SENTENCE(NEW_PHONE.shown));
        expect(links).toContainEqual({ where: 'main', href: `tel:${NEW_PHONE.e164}`, text: NEW_PHONE.shown });
      }
    }
    const site = await browser.newPage();
    await site.goto(`${system.siteUrl}/contact/`);
    await saveScreenshot(site, 'phone-on-site');
    await site.close();
  });

  it('unpublishes a live page only after a confirmation naming it, and the page leaves the site', async () => {
    expect((await fetch(`${system.siteUrl}${TAKEDOWN.path}`)).status).toBe(200);
    await openEntry('Program level', TAKEDOWN.name);
    const unpublish = async () => {
      await page.getByRole('button', { name: 'More document actions' }).click();
      await page.getByRole('menuitem', { name: 'Unpublish', exact: true }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByText(`Unpublish "${TAKEDOWN.name}"?`).waitFor({ timeout: 5_000 });
      expect(await dialog.textContent()).toContain(`Its page ${TAKEDOWN.path} goes offline on the website`);
      return dialog;
    };

    await (await unpublish()).getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'hidden' });
    const published = await system.contentManager(
      'GET',
      `/collection-types/api::program-level.program-level?filters[name][$eq]=${encodeURIComponent(TAKEDOWN.name)}&status=published`,
    );
    expect(((await published.json()) as { results: unknown[] }).results, 'still published after Cancel').toHaveLength(
      1,
    );

    const dialog = await unpublish();
    await saveScreenshot(page, 'unpublish-confirmation');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await waitForToast('Unpublished document');
    await eventually(
      async () => [404, 410].includes((await fetch(`${system.siteUrl}${TAKEDOWN.path}`)).status),
      90_000,
      'the page gone from the site',
    );
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
