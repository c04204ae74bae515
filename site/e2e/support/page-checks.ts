import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the suite leaves its screenshots (git-ignored). */
export const SCREENSHOT_DIR = path.join(rootDir, 'reports/screenshots');

/** The WCAG 2.1 A and AA rules of axe-core. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

declare global {
  interface Window {
    axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> };
  }
}

/**
 * axe-core's violations of the WCAG 2.1 A/AA rules, one line per rule with the first
 * offending elements. axe is evaluated through the DevTools protocol rather than added as
 * a `<script>`: the site's CSP (`script-src 'self'`) refuses inline scripts, rightly.
 */
export async function findAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(async (tags) => {
    if (!window.axe) throw new Error('axe-core did not load');
    const { violations } = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, WCAG_21_AA_TAGS);
  return results.map((v) => `${v.id}: ${v.help} (${v.nodes.length}): ${v.nodes.slice(0, 3).join(' | ')}`);
}

/** How far the page scrolls sideways: the document's width beyond the viewport, in CSS px. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** One Tab stop, as the keyboard user meets it. */
export interface TabStop {
  /** A stable key of the element for this page load (`data-e2e-key`). */
  key: string;
  /** Tag, id or href and text: enough to find it in a failure message. */
  label: string;
  /** Its focus indicator differs from the unfocused state and no ancestor cuts it off. */
  focusVisible: boolean;
  /** Its box is on screen once focused (scrolled into view). */
  onScreen: boolean;
}

/**
 * Marks every element that could take keyboard focus with a key, and remembers its
 * unfocused outline and box shadow, so Tab stops can be compared with them. Returns the keys
 * of those a keyboard user should be able to reach: focusable, in the tab order, enabled
 * and rendered (not inside closed `<details>`, `hidden`, `display: none` or `inert`).
 */
export async function markFocusables(page: Page): Promise<Map<string, string>> {
  const entries = await page.evaluate(() => {
    const selector =
      'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]';
    const reachable: [string, string][] = [];
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const key = `k${n++}`;
      el.dataset.e2eKey = key;
      const style = getComputedStyle(el);
      el.dataset.e2eUnfocused = `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} | ${style.boxShadow}`;
      const disabled = 'disabled' in el && el.disabled === true;
      const hiddenInput = el instanceof HTMLInputElement && el.type === 'hidden';
      const rendered = el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
      if (el.tabIndex >= 0 && !disabled && !hiddenInput && rendered && !el.closest('[inert]')) {
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        const name = el.id ? `#${el.id}` : (el.getAttribute('href') ?? el.getAttribute('name') ?? '');
        reachable.push([key, `<${el.tagName.toLowerCase()}> ${name} "${text}"`]);
      }
    }
    return reachable;
  });
  return new Map(entries);
}

/** What the focused element looks like, compared with its unfocused state. */
async function describeFocus(page: Page): Promise<TabStop | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return null;
    const style = getComputedStyle(el);
    const focused = `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} | ${style.boxShadow}`;
    // No inner functions here: tsx (esbuild keepNames) would wrap them in a helper the page lacks.
    const transparentOutline = style.outlineColor === 'transparent' || /rgba\(.*,\s*0\)$/.test(style.outlineColor);
    const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && !transparentOutline;
    const hasShadow = style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    // An outline drawn outside the box must not be cut off by an ancestor that clips.
    const reach = hasOutline ? Math.max(0, parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth)) : 0;
    let clipped = false;
    for (let a = el.parentElement; a && a !== document.documentElement && !clipped; a = a.parentElement) {
      const clip = getComputedStyle(a);
      if (clip.overflowX === 'visible' && clip.overflowY === 'visible') continue;
      const r = a.getBoundingClientRect();
      const inner = {
        left: r.left + a.clientLeft,
        top: r.top + a.clientTop,
        right: r.left + a.clientLeft + a.clientWidth,
        bottom: r.top + a.clientTop + a.clientHeight,
      };
      clipped =
        box.left - reach < inner.left - 0.5 ||
        box.top - reach < inner.top - 0.5 ||
        box.right + reach > inner.right + 0.5 ||
        box.bottom + reach > inner.bottom + 0.5;
    }
    const onScreen =
      box.width > 0 &&
      box.height > 0 &&
      box.bottom > 0 &&
      box.right > 0 &&
      box.top < innerHeight &&
      box.left < innerWidth;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const name = el.id ? `#${el.id}` : (el.getAttribute('href') ?? el.getAttribute('name') ?? '');
    return {
      key: el.dataset.e2eKey ?? '(unmarked)',
      label: `<${el.tagName.toLowerCase()}> ${name} "${text}"`,
      focusVisible: (hasOutline || hasShadow) && focused !== el.dataset.e2eUnfocused && !clipped,
      onScreen,
    };
  });
}

/**
 * Presses Tab from the top of the page until focus leaves the page or comes back to an
 * element it has visited, and describes every stop. Call `markFocusables` first.
 */
export async function tabThrough(page: Page, maxStops = 400): Promise<TabStop[]> {
  const stops: TabStop[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = await describeFocus(page);
    if (!stop || seen.has(stop.key)) return stops;
    seen.add(stop.key);
    stops.push(stop);
  }
  throw new Error(`still tabbing after ${maxStops} stops: a keyboard trap or a runaway page`);
}

/**
 * Saves a full-page screenshot as `reports/screenshots/<name>.jpg`, for people to look at (no
 * test compares it). JPEG at quality 80: Chromium encodes a long page as PNG in about 1 s of CPU,
 * as JPEG in 0.4 s, and the text stays legible.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.jpg`);
  await page.screenshot({ path: file, fullPage: true, type: 'jpeg', quality: 80 });
  return file;
}
