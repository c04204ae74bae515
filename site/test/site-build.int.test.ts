import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRequestForm } from '@clinic/shared-types';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import sharp from 'sharp';
import {
  adminLogin,
  contentManagerClient,
  publishExtraFaqs,
  startTestCms,
  type TestCms,
} from '@clinic/testing/start-test-cms';
import { phonePhoto, uploadImage } from '@clinic/testing/upload-image';
import { dictionaryOf } from '../src/i18n/index.ts';
import { englishOnlyTexts } from '../src/i18n/dictionary-texts.ts';
import { langOfPath } from '../src/i18n/lang.ts';
import { routesFor } from '../src/lib/routes.ts';
import {
  alternatesOf,
  elementsOf,
  fileOf,
  jsonLdOf,
  jsonLdTypesOf,
  listFiles,
  readPages,
  sitemapEntriesOf,
  type BuiltPage,
} from './built-site.ts';

/**
 * The whole site built against a real, seeded Strapi: the IOP page's facts, the sitemap
 * against the built pages, every internal link and anchor, what every page must carry,
 * the size budgets, and the Spanish edition (its pairing with the English pages, its review
 * gate, its words), with one more build after an editor marks a translation reviewed.
 */

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const astroBin = path.resolve(siteDir, '../node_modules/astro/astro.js');
const SITE_URL = 'https://www.example.test';
const IOP = '/programs/intensive-outpatient-program/';
const ES_IOP = '/es/programs/programa-ambulatorio-intensivo/';
/** The Spanish pages that follow a seeded, unreviewed translation: the entries' and the home (the facility's). */
const SEEDED_UNREVIEWED_ES = /^\/es\/((programs|treatments|conditions)\/[^/]+\/)?$/;
// Published by the test: hidden from search engines, with hostile text in its fields.
const HIDDEN = { slug: 'test-hidden-condition', name: 'Hidden </script><script>alert(1)</script>' };
// Uploaded by the test as the hidden condition's SEO Social image: a photo with EXIF data.
const SHARED_PHOTO_ALT = 'A quiet garden path at the clinic';
// Published by the test on top of the seeded 21: the FAQ outgrows one page (50 questions at most).
const EXTRA_FAQS = 35;
// Attached by the test: a hero image on the IOP page, two photos of the facility (one decorative).
const HERO_ALT = 'Group room with chairs in a circle and tall windows';
const GALLERY = { alt: 'Garden seating area under trees', caption: 'Our garden', credit: 'Photo: Staff' };
// Put in the IOP page's Markdown body with the toolbar's Image button.
const BODY_IMAGE_ALT = 'Garden path between the group rooms';
/** Width and height of the uploaded hero photo, which carries GPS data as a phone photo does. */
const HERO_SIZE = { width: 2400, height: 1600 };

let cms: TestCms;
let buildEnv: NodeJS.ProcessEnv;
let contentManager: ReturnType<typeof contentManagerClient>;
let outDir: string;
let pages: BuiltPage[];
let files: string[];
let extraFaqSlugs: string[];

function page(urlPath: string): BuiltPage {
  const found = pages.find((p) => p.urlPath === urlPath);
  if (!found) throw new Error(`${urlPath} was not built; built: ${pages.map((p) => p.urlPath).join(', ')}`);
  return found;
}

function isNoindex(html: string): boolean {
  return elementsOf(html).some(
    (e) => e.tag === 'meta' && e.attribs['name'] === 'robots' && /noindex/.test(e.attribs['content'] ?? ''),
  );
}

/** Uploads a 1600x1200 JPEG carrying EXIF (camera, copyright) to the media library; its id. */
async function uploadPhoto(jwt: string): Promise<number> {
  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#6b8e23' } })
    .withExif({ IFD0: { Make: 'TestCam', Copyright: 'Staff photographer' } })
    .jpeg()
    .toBuffer();
  const file = await uploadImage(cms, jwt, {
    data: photo,
    name: 'garden-path.jpg',
    type: 'image/jpeg',
    alternativeText: SHARED_PHOTO_ALT,
  });
  return file.id;
}

let heroUploadUrl: string;

/** html-validate's recommended rules' complaints about a page, one line each. */
async function htmlProblems(html: string, rules: Record<string, 'off'> = {}): Promise<string[]> {
  const validator = new HtmlValidate(
    new StaticConfigLoader({
      extends: ['html-validate:recommended'],
      rules: {
        // As in the e2e suite: the rule only sees a link's own class (CallButton.astro's `btn`).
        'tel-non-breaking': ['error', { ignoreClasses: ['whitespace-nowrap', 'btn'] }],
        ...rules,
      },
    }),
  );
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

/** The `content` of a page's `<meta property|name=...>`. */
function metaOf(html: string, key: string): string | undefined {
  return elementsOf(html).find((e) => e.tag === 'meta' && (e.attribs['property'] ?? e.attribs['name']) === key)
    ?.attribs['content'];
}

async function buildSite(env: NodeJS.ProcessEnv, dir: string): Promise<void> {
  const child = spawn(process.execPath, [astroBin, 'build', '--outDir', dir], {
    cwd: siteDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`astro build exited with ${code}:\n${log}`);
}

beforeAll(async () => {
  cms = await startTestCms();
  const jwt = await adminLogin(cms);
  contentManager = contentManagerClient(cms, () => jwt);
  await contentManager('POST', '/collection-types/api::condition.condition/actions/publish', {
    name: HIDDEN.name,
    slug: HIDDEN.slug,
    summary:
      'A condition page that editors hid from search engines, with markup in its text <img src=x onerror=alert(1)>.',
    body: [
      '# Heading',
      '<script>alert(1)</script>',
      '[bad](javascript:alert(1)) and [good](/faq/)',
      '<iframe src="https://evil.example"></iframe>',
      '#### Skipped a level',
      '| Level | Weeks |\n| :-: | --: |\n| IOP | 12 |',
    ].join('\n\n'),
    seo: { metaTitle: null, metaDescription: null, noindex: true, socialImage: await uploadPhoto(jwt) },
  });
  extraFaqSlugs = await publishExtraFaqs(contentManager, EXTRA_FAQS);

  // Strapi re-encodes uploads (dropping EXIF) unless an admin turns off Size optimization in the
  // Media Library's settings; with it off, the CMS keeps the phone's GPS data and the site must not.
  const settings = await fetch(`${cms.url}/upload/settings`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ sizeOptimization: false, responsiveDimensions: true, autoOrientation: false }),
  });
  if (!settings.ok) throw new Error(`upload settings: ${settings.status} ${await settings.text()}`);
  const hero = await uploadImage(cms, jwt, {
    data: await phonePhoto(HERO_SIZE, '#4b6f8a'),
    name: 'group-room.jpg',
    type: 'image/jpeg',
  });
  heroUploadUrl = hero.url;
  const garden = await uploadImage(cms, jwt, {
    data: await phonePhoto({ width: 1200, height: 900 }, '#556b2f'),
    name: 'garden.jpg',
    type: 'image/jpeg',
  });
  const LEVEL = '/collection-types/api::program-level.program-level';
  const levels = (await (
    await contentManager('GET', `${LEVEL}?filters[slug][$eq]=intensive-outpatient-program`)
  ).json()) as { results: { documentId: string; body: string }[] };
  const iop = levels.results[0];
  if (!iop) throw new Error('the IOP level is not seeded');
  await contentManager('POST', `${LEVEL}/${iop.documentId}/actions/publish`, {
    heroImage: { file: hero.id, alt: HERO_ALT, decorative: false },
    // As the toolbar's Image button inserts it: the upload's address on the CMS.
    body: `${iop.body}\n\n![${BODY_IMAGE_ALT}](${cms.url}${garden.url})`,
  });
  const texture = await uploadImage(cms, jwt, {
    data: await sharp({ create: { width: 800, height: 600, channels: 4, background: '#e7dccb80' } })
      .png()
      .toBuffer(),
    name: 'texture.png',
    type: 'image/png',
  });
  await contentManager('POST', '/single-types/api::facility.facility/actions/publish', {
    photos: [
      { file: garden.id, ...GALLERY, decorative: false },
      { file: texture.id, alt: null, decorative: true },
    ],
  });

  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-build-'));
  buildEnv = {
    ...process.env,
    CMS_URL: cms.url,
    CMS_TOKEN: cms.token,
    SITE_URL,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  await buildSite(buildEnv, outDir);
  pages = readPages(outDir);
  files = listFiles(outDir);
}, 240_000);

afterAll(async () => {
  await cms?.dispose();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('the IOP page', () => {
  it('states the schedule facts from the CMS: 12–15 hours a week, 3–5 days, 3–4 hours a day, 12–16 weeks', () => {
    const { html } = page(IOP);
    expect(html).toMatch(/<dt[^>]*>Hours a week<\/dt>\s*<dd[^>]*>12–15 hours<\/dd>/);
    for (const value of ['3–5 days', '3–4 hours', '12–16 weeks']) expect(html).toContain(`>${value}</dd>`);
    expect(html).toContain('Mental health IOP');
  });

  it('says IOP is arranged through partners, not offered on site', () => {
    const { html } = page(IOP);
    expect(html).toContain('Arranged through our partners');
    expect(html).toContain('does not offer IOP at its facility');
  });

  it('shows its FAQs as details/summary, each also in the FAQPage JSON-LD', () => {
    const { html } = page(IOP);
    const summaries = [...html.matchAll(/<summary>([^<]+)<\/summary>/g)].map((m) => m[1]);
    expect(summaries.length).toBeGreaterThanOrEqual(19);
    expect(summaries).toContain('How many hours a week is an intensive outpatient program?');
    expect(summaries).toContain('Does California Detox offer IOP on site?');
    const faqPage = jsonLdOf(html)
      .flatMap((b) => (b as { '@graph': { '@type': string; mainEntity?: { name: string }[] }[] })['@graph'])
      .find((n) => n['@type'] === 'FAQPage');
    expect(faqPage?.mainEntity?.map((q) => q.name).sort()).toEqual([...summaries].sort());
  });

  it('has a tap-to-call link to the clinic', () => {
    expect(page(IOP).html).toContain('href="tel:+19496948305"');
  });

  it('carries MedicalClinic, MedicalWebPage, BreadcrumbList and FAQPage JSON-LD', () => {
    expect(jsonLdTypesOf(page(IOP).html).sort()).toEqual([
      'BreadcrumbList',
      'FAQPage',
      'MedicalClinic',
      'MedicalWebPage',
    ]);
  });

  it('links its modalities and the levels one step down and up', () => {
    const hrefs = elementsOf(page(IOP).html).map((e) => e.attribs['href']);
    expect(hrefs).toContain('/treatments/group-therapy/');
    expect(hrefs).toContain('/programs/outpatient-program/');
    expect(hrefs).toContain('/programs/partial-hospitalization-program/');
  });
});

describe('the compare page', () => {
  it('is a real table with column and row headers and the IOP range', () => {
    const { html } = page('/compare/');
    const elements = elementsOf(html);
    expect(elements.some((e) => e.tag === 'caption')).toBe(true);
    expect(elements.filter((e) => e.tag === 'th' && e.attribs['scope'] === 'col').length).toBeGreaterThanOrEqual(7);
    expect(elements.filter((e) => e.tag === 'th' && e.attribs['scope'] === 'row').length).toBeGreaterThanOrEqual(7);
    expect(html).toMatch(/Intensive outpatient program \(IOP\)<\/a>\s*<\/th>\s*<td[^>]*>\s*12–15\s*<\/td>/);
  });
});

describe('the FAQ pages', () => {
  // Each question's article is labelled by its heading, whose id is the question's slug.
  const articleIds = (html: string) =>
    elementsOf(html)
      .filter((e) => e.tag === 'article')
      .map((e) => e.attribs['aria-labelledby']);

  it('has an anchor for every question and groups them under topic headings', () => {
    const { html } = page('/faq/');
    const ids = new Set(elementsOf(html).map((e) => e.attribs['id']));
    for (const slug of ['what-is-the-difference-between-iop-and-php', 'how-big-are-iop-therapy-groups'])
      expect(ids).toContain(slug);
    expect(html).toContain('Schedule and time commitment');
    expect(jsonLdTypesOf(html)).toContain('FAQPage');
  });

  it('continues on /faq/2/ once the questions outgrow one page, every question on exactly one page', () => {
    const faqPages = pages.filter((p) => /^\/faq\/(\d+\/)?$/.test(p.urlPath)).map((p) => p.urlPath);
    expect(faqPages.sort()).toEqual(['/faq/', '/faq/2/']);
    const first = articleIds(page('/faq/').html);
    const second = articleIds(page('/faq/2/').html);
    expect(first.length).toBeGreaterThan(21);
    expect(first.length + second.length).toBe(21 + EXTRA_FAQS);
    expect(new Set([...first, ...second]).size).toBe(21 + EXTRA_FAQS);
    expect(second).toContain(extraFaqSlugs.at(-1));
  });

  it("puts each page's own questions, and only those, in its FAQPage JSON-LD", () => {
    for (const urlPath of ['/faq/', '/faq/2/']) {
      const { html } = page(urlPath);
      const questions = elementsOf(html).filter((e) => e.tag === 'article').length;
      const faqPage = jsonLdOf(html)
        .flatMap((b) => (b as { '@graph': { '@type': string; mainEntity?: { name: string }[] }[] })['@graph'])
        .find((n) => n['@type'] === 'FAQPage');
      expect(faqPage?.mainEntity, urlPath).toHaveLength(questions);
    }
  });

  it('links the pages with a labelled pagination bar and gives each its own title', () => {
    const nav = (urlPath: string) => {
      const elements = elementsOf(page(urlPath).html);
      const links = elements.filter((e) => e.tag === 'a');
      return {
        next: links.find((a) => a.attribs['rel'] === 'next')?.attribs['href'],
        prev: links.find((a) => a.attribs['rel'] === 'prev')?.attribs['href'],
        current: links.find((a) => a.attribs['aria-label']?.startsWith('Page ') && a.attribs['aria-current'])?.attribs[
          'href'
        ],
        labelled: elements.some((e) => e.tag === 'nav' && e.attribs['aria-label'] === 'FAQ pages'),
        title: /<title>([^<]*)<\/title>/.exec(page(urlPath).html)?.[1],
      };
    };
    expect(nav('/faq/')).toMatchObject({ next: '/faq/2/', prev: undefined, current: '/faq/', labelled: true });
    expect(nav('/faq/2/')).toMatchObject({ next: undefined, prev: '/faq/', current: '/faq/2/', labelled: true });
    expect(nav('/faq/2/').title).toContain('page 2 of 2');
    expect(nav('/faq/').title).not.toEqual(nav('/faq/2/').title);
  });
});

/** Every URL of a build's sitemaps, with its lastmod and alternates. */
function sitemapEntries(dir: string) {
  const index = fs.readFileSync(path.join(dir, 'sitemap-index.xml'), 'utf8');
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  expect(sitemaps.length).toBeGreaterThan(0);
  return sitemaps.flatMap((p) => sitemapEntriesOf(fs.readFileSync(path.join(dir, p), 'utf8')));
}

describe('the sitemap', () => {
  const entries = () => sitemapEntries(outDir);

  it('lists only built pages, each with a real lastmod', () => {
    for (const { loc, lastmod } of entries()) {
      const url = new URL(loc);
      expect(url.origin).toBe(SITE_URL);
      expect(files, loc).toContain(fileOf(url.pathname));
      expect(lastmod, `${loc} lastmod`).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('lists every built page except the 404 page and the noindex pages', () => {
    const listed = new Set(entries().map((e) => new URL(e.loc).pathname));
    const expected = pages.filter((p) => p.urlPath !== '/404.html' && !isNoindex(p.html)).map((p) => p.urlPath);
    expect([...listed].sort()).toEqual(expected.sort());
  });

  it('leaves out an entry an editor marked noindex, and the thank-you page', () => {
    const listed = entries().map((e) => new URL(e.loc).pathname);
    expect(listed).not.toContain(`/conditions/${HIDDEN.slug}/`);
    expect(listed).not.toContain('/contact/thanks/');
    expect(isNoindex(page(`/conditions/${HIDDEN.slug}/`).html)).toBe(true);
  });

  it('is named by robots.txt', () => {
    expect(fs.readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).toContain(
      `Sitemap: ${SITE_URL}/sitemap-index.xml`,
    );
  });
});

describe('links', () => {
  it('never point to a missing page or a missing anchor', () => {
    const idsByPath = new Map(pages.map((p) => [p.urlPath, new Set(elementsOf(p.html).map((e) => e.attribs['id']))]));
    const broken: string[] = [];
    for (const { urlPath, html } of pages) {
      for (const { tag, attribs } of elementsOf(html)) {
        const href = (tag === 'a' || tag === 'link') && attribs['href'];
        if (!href || /^(tel|sms|mailto):/.test(href)) continue;
        const url = new URL(href, `${SITE_URL}${urlPath}`);
        if (url.origin !== SITE_URL) continue;
        if (!files.includes(fileOf(url.pathname))) {
          broken.push(`${urlPath} -> ${href}`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && !idsByPath.get(url.pathname)?.has(fragment))
          broken.push(`${urlPath} -> ${href} (no #${fragment})`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('share images', () => {
  /** A page's og:image, checked to be a file of this build on the site's origin, and the file's facts. */
  async function shareImageOf(urlPath: string, html: string) {
    const content = metaOf(html, 'og:image');
    expect(content, `${urlPath} og:image`).toBeDefined();
    const url = new URL(content ?? '');
    expect(url.origin, `${urlPath} og:image origin`).toBe(SITE_URL);
    expect(files, `${urlPath} og:image file`).toContain(url.pathname);
    return { url, meta: await sharp(path.join(outDir, url.pathname)).metadata() };
  }

  it('gives every page a 1200x630 og:image served from the site, with its type, size, alt text and a large Twitter card', async () => {
    for (const { urlPath, html } of pages) {
      const { meta } = await shareImageOf(urlPath, html);
      expect({ width: meta.width, height: meta.height }, urlPath).toEqual({ width: 1200, height: 630 });
      expect(metaOf(html, 'og:image:type'), urlPath).toBe(`image/${meta.format}`);
      expect(metaOf(html, 'og:image:width'), urlPath).toBe('1200');
      expect(metaOf(html, 'og:image:height'), urlPath).toBe('630');
      expect(metaOf(html, 'og:image:alt'), urlPath).toMatch(/\w{3}/);
      expect(metaOf(html, 'twitter:card'), urlPath).toBe('summary_large_image');
      // Every page but the one with an uploaded photo shares a card drawn from its title.
      if (urlPath !== `/conditions/${HIDDEN.slug}/`) expect(meta.format, urlPath).toBe('png');
    }
  });

  it("draws each page's card from its title and the clinic's name, and says so in the alt text", () => {
    const { html } = page(IOP);
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1]?.replace(/ \| California Detox$/, '');
    expect(title).toMatch(/Intensive Outpatient Program/i);
    expect(metaOf(html, 'og:image:alt')).toBe(`“${title}”, with the name and logo of California Detox.`);
    const cards = new Set(pages.map((p) => metaOf(p.html, 'og:image')));
    expect(cards.size, 'pages with different titles have different cards').toBeGreaterThan(pages.length / 2);
  });

  it('gives the pages of the FAQ one card, not one per page number', () => {
    const card = metaOf(page('/faq/').html, 'og:image');
    expect(metaOf(page('/faq/2/').html, 'og:image')).toBe(card);
    expect(metaOf(page('/faq/2/').html, 'og:image:alt')).toBe(
      '“Frequently asked questions”, with the name and logo of California Detox.',
    );
  });

  it("shares an editor's uploaded Social image cropped to 1200x630 as JPEG from the site, without its EXIF, with its alt text", async () => {
    const { html } = page(`/conditions/${HIDDEN.slug}/`);
    const { url, meta } = await shareImageOf(HIDDEN.slug, html);
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    expect(meta.exif).toBeUndefined();
    expect(url.pathname).toMatch(/^\/social\/[0-9a-f]+\.jpg$/);
    expect(metaOf(html, 'og:image:alt')).toBe(SHARED_PHOTO_ALT);
  });

  it('gives the MedicalClinic JSON-LD an image served from the site', async () => {
    for (const { urlPath, html } of pages) {
      const clinic = jsonLdOf(html)
        .flatMap((b) => (b as { '@graph': { '@type': string; image?: string }[] })['@graph'])
        .find((n) => n['@type'] === 'MedicalClinic');
      const url = new URL(clinic?.image ?? '', 'http://missing.invalid');
      expect(url.origin, urlPath).toBe(SITE_URL);
      expect(files, urlPath).toContain(url.pathname);
      expect(await sharp(path.join(outDir, url.pathname)).metadata()).toMatchObject({ width: 1200, height: 630 });
    }
  });

  it("never names the CMS's own address: not in og:image, not anywhere in any page", () => {
    const cmsHost = new URL(cms.url).host;
    for (const { urlPath, html } of pages) {
      expect(html.includes(cmsHost), `${urlPath} mentions ${cmsHost}`).toBe(false);
      expect(html, urlPath).not.toMatch(/\/uploads\//);
    }
  });
});

describe("editors' images", () => {
  /** Each `<picture>` of a page: its sources and its `<img>`, in document order. */
  function picturesOf(html: string) {
    return [...html.matchAll(/<picture\b[^>]*>([\s\S]*?)<\/picture>/g)].map(([, inner = '']) => {
      const elements = elementsOf(inner);
      return {
        sources: elements.filter((e) => e.tag === 'source').map((e) => e.attribs),
        img: elements.find((e) => e.tag === 'img')?.attribs ?? {},
      };
    });
  }

  /** The URLs and width descriptors of a `srcset`. */
  const candidates = (srcset = '') =>
    srcset
      .split(',')
      .map((c) => c.trim().split(/\s+/))
      .map(([url = '', descriptor = '']) => ({ url, width: Number(descriptor.replace(/w$/, '')) }));

  /** Checks that every candidate is a file of this build, as wide as it says, in its format, without EXIF. */
  async function expectServedFiles(srcset: string | undefined, format: string, where: string) {
    const list = candidates(srcset);
    expect(list.length, where).toBeGreaterThan(1);
    for (const { url, width } of list) {
      expect(url, where).toMatch(/^\/_astro\//);
      expect(files, `${where} ${url}`).toContain(url);
      const meta = await sharp(path.join(outDir, url)).metadata();
      expect({ format: meta.format, width: meta.width, exif: meta.exif }, `${where} ${url}`).toEqual({
        format,
        width,
        exif: undefined,
      });
    }
    return list;
  }

  it('shows the IOP hero as WebP with a JPEG fallback, widths up to the original, its size set and its alt text, loaded first', async () => {
    const [hero, body, ...others] = picturesOf(page(IOP).html);
    expect(others).toEqual([]);
    expect(body?.img['alt']).toBe(BODY_IMAGE_ALT);
    expect(hero?.sources).toHaveLength(1);
    const webp = await expectServedFiles(hero?.sources[0]?.['srcset'], 'webp', 'IOP hero webp');
    expect(hero?.sources[0]).toMatchObject({ type: 'image/webp', sizes: expect.stringContaining('1104px') as unknown });
    const jpeg = await expectServedFiles(hero?.img['srcset'], 'jpeg', 'IOP hero jpeg');
    // Widths up to the upload's own 2400 px, capped at 2048: never larger than the original.
    expect(webp.map((c) => c.width)).toEqual([320, 480, 640, 800, 1024, 1280, 1600, 2048]);
    expect(jpeg.map((c) => c.width)).toEqual(webp.map((c) => c.width));
    expect(hero?.img).toMatchObject({
      alt: HERO_ALT,
      width: '2048',
      height: String(Math.round((HERO_SIZE.height * 2048) / HERO_SIZE.width)),
      loading: 'eager',
      fetchpriority: 'high',
    });
    expect(hero?.img['src']).toMatch(/^\/_astro\/.+\.jpg$/);
  });

  it('shows an uploaded image from the Markdown body through the same pipeline, lazily, with its alt text', async () => {
    const { html } = page(IOP);
    const body = picturesOf(html)[1];
    expect(body?.img).toMatchObject({ alt: BODY_IMAGE_ALT, width: '1200', height: '900', loading: 'lazy' });
    const webp = await expectServedFiles(body?.sources[0]?.['srcset'], 'webp', 'IOP body webp');
    expect(webp.map((c) => c.width)).toEqual([320, 480, 640, 800, 1024, 1200]);
    await expectServedFiles(body?.img['srcset'], 'jpeg', 'IOP body jpeg');
    // Inside the editor's prose, where the Image button put it.
    expect(html).toMatch(/<div class="prose-content[^"]*">[\s\S]*<picture><source type="image\/webp"/);
  });

  it('keeps the GPS data of the upload on the CMS only: the copy there has EXIF, the served ones do not', async () => {
    const original = Buffer.from(await (await fetch(new URL(heroUploadUrl, cms.url))).arrayBuffer());
    expect((await sharp(original).metadata()).exif?.toString('latin1'), 'the CMS keeps the EXIF').toContain(
      'TestPhone',
    );
    const images = files.filter((f) => /^\/_astro\/.+\.(webp|jpe?g|png)$/.test(f));
    expect(images.length).toBeGreaterThan(10);
    for (const file of images) expect((await sharp(path.join(outDir, file)).metadata()).exif, file).toBeUndefined();
  });

  it("shows the facility's photos on the home and contact pages, lazily, the decorative one with an empty alt", async () => {
    for (const urlPath of ['/', '/contact/']) {
      const { html } = page(urlPath);
      const pictures = picturesOf(html);
      expect(pictures, urlPath).toHaveLength(2);
      const [garden, texture] = pictures;
      expect(garden?.img, urlPath).toMatchObject({ alt: GALLERY.alt, width: '1200', height: '900', loading: 'lazy' });
      expect(texture?.img, urlPath).toMatchObject({ alt: '', width: '800', height: '600', loading: 'lazy' });
      expect(garden?.img['fetchpriority'], urlPath).not.toBe('high');
      await expectServedFiles(garden?.sources[0]?.['srcset'], 'webp', `${urlPath} garden`);
      // A PNG may be transparent: its fallback stays PNG rather than turn black as a JPEG.
      await expectServedFiles(texture?.img['srcset'], 'png', `${urlPath} texture`);
      expect(html, urlPath).toMatch(/<figcaption[^>]*>Our garden <span[^>]*>Photo: Staff<\/span><\/figcaption>/);
    }
    expect(picturesOf(page('/faq/').html)).toEqual([]);
  });

  it('writes no inline style on any page (the CSP allows none), and valid HTML where images are shown', async () => {
    for (const { urlPath, html } of pages) {
      expect(
        elementsOf(html).filter((e) => 'style' in e.attribs),
        urlPath,
      ).toEqual([]);
    }
    for (const urlPath of [IOP, '/', '/contact/']) expect(await htmlProblems(page(urlPath).html), urlPath).toEqual([]);
  });
});

describe('every page', () => {
  it('has one h1, a skip link first, a breadcrumb, the phone, crisis lines and a canonical URL', () => {
    for (const { urlPath, html } of pages) {
      const elements = elementsOf(html);
      const at = (tag: string) => elements.filter((e) => e.tag === tag);
      expect(at('h1'), urlPath).toHaveLength(1);
      const body = elements.findIndex((e) => e.tag === 'body');
      expect(elements[body + 1], `${urlPath} skip link`).toMatchObject({ tag: 'a', attribs: { href: '#main' } });
      expect(at('main')[0]?.attribs['id'], urlPath).toBe('main');
      expect(
        at('nav').some((n) => n.attribs['aria-label'] === dictionaryOf(langOfPath(urlPath)).breadcrumbs.label),
        urlPath,
      ).toBe(true);
      expect(
        elements.some((e) => e.attribs['aria-current'] === 'page'),
        urlPath,
      ).toBe(true);
      const hrefs = at('a').map((a) => a.attribs['href']);
      for (const href of ['tel:+19496948305', 'tel:988', 'sms:988', 'tel:+18006624357', 'tel:+18004874889']) {
        expect(hrefs, `${urlPath} ${href}`).toContain(href);
      }
      expect(at('title')).toHaveLength(1);
      expect(at('meta').find((m) => m.attribs['name'] === 'description')?.attribs['content'], urlPath).toMatch(/\w{3}/);
      for (const property of ['og:title', 'og:description', 'og:type', 'og:site_name']) {
        expect(
          at('meta').some((m) => m.attribs['property'] === property),
          `${urlPath} ${property}`,
        ).toBe(true);
      }
      if (urlPath !== '/404.html') {
        const canonical = at('link').find((l) => l.attribs['rel'] === 'canonical')?.attribs['href'];
        expect(canonical, urlPath).toBe(`${SITE_URL}${urlPath}`);
        expect(at('meta').find((m) => m.attribs['property'] === 'og:url')?.attribs['content']).toBe(canonical);
      }
      expect(jsonLdTypesOf(html), urlPath).toEqual(expect.arrayContaining(['MedicalClinic', 'BreadcrumbList']));
    }
  });

  it('ships the call-back form and the search box scripts, no more JavaScript on any page but search than before search, and loads nothing from another origin', () => {
    // Pagefind's own files (index, pagefind.js, its worker) load only when a search runs.
    const scripts = files.filter((f) => /\.m?js$/.test(f) && !f.startsWith('/pagefind/'));
    const modulesOf = (html: string) =>
      elementsOf(html)
        .filter((e) => e.tag === 'script' && e.attribs['type'] === 'module')
        .map((e) => e.attribs['src'] ?? '(inline)');
    for (const { urlPath, html } of pages) {
      const modules = modulesOf(html);
      for (const src of modules) expect(scripts, `${urlPath} module script`).toContain(src);
      if (urlPath === routesFor(langOfPath(urlPath)).search) continue;
      // Issue 18: pages without search ship no more than "today's 2 KB", the 2,432 bytes of the
      // form's enhancement before search came; it and the header box's hand-off fit in them.
      const bytes = modules.reduce((sum, src) => sum + fs.statSync(path.join(outDir, src)).size, 0);
      expect(bytes, `${urlPath} JavaScript`).toBeLessThanOrEqual(2432);
    }
    const searchModules = modulesOf(page('/search/').html);
    expect(
      searchModules.some((src) => !modulesOf(page('/').html).includes(src)),
      'the search page has its own script',
    ).toBe(true);
    for (const { urlPath, html } of pages) {
      for (const { tag, attribs } of elementsOf(html)) {
        if (tag === 'script' && attribs['type'] !== 'module') {
          // JSON-LD is data; module scripts are external same-origin files (CSP: script-src 'self').
          expect(attribs['type'], `${urlPath} script`).toBe('application/ld+json');
        }
        expect(
          Object.keys(attribs).filter((a) => a.startsWith('on')),
          urlPath,
        ).toEqual([]);
        const src = attribs['src'] ?? (tag === 'link' && attribs['rel'] !== 'canonical' ? attribs['href'] : undefined);
        if (src) expect(new URL(src, SITE_URL).origin, `${urlPath} ${tag} ${src}`).toBe(SITE_URL);
      }
    }
  });

  it("writes the search index of the indexable pages and of translations awaiting review, FAQ answers at their anchors, without Pagefind's default UI", () => {
    const entry = JSON.parse(fs.readFileSync(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    // A translation awaiting review is kept from search engines, not from the site's own search.
    const indexable = pages.filter(
      ({ urlPath, html }) => urlPath !== '/404.html' && (!isNoindex(html) || SEEDED_UNREVIEWED_ES.test(urlPath)),
    );
    expect(indexable.filter(({ html }) => isNoindex(html)).length).toBeGreaterThanOrEqual(20);
    // One index per language (<html lang>): each search page finds its own language's pages.
    for (const lang of ['en', 'es'] as const) {
      const ofLang = indexable.filter((p) => langOfPath(p.urlPath) === lang);
      expect(ofLang.length, lang).toBeGreaterThan(0);
      expect(entry.languages[lang]?.page_count, lang).toBe(ofLang.length);
    }
    expect(files).toContain('/pagefind/pagefind.js');
    expect(files.filter((f) => /^\/pagefind\/pagefind-(ui|component-ui|modular-ui|highlight)\./.test(f))).toEqual([]);
    for (const { urlPath, html } of pages) {
      const marked = elementsOf(html).some((e) => e.tag === 'main' && 'data-pagefind-body' in e.attribs);
      expect(marked, urlPath).toBe(indexable.some((p) => p.urlPath === urlPath));
    }
    // Each question's heading carries the anchor other pages link to, so search links there too.
    const faq = page('/faq/').html;
    const heading = elementsOf(faq).find(
      (e) => e.tag === 'h3' && e.attribs['id'] === 'how-many-hours-a-week-is-an-intensive-outpatient-program',
    );
    expect(heading, 'the IOP hours question carries its slug as id').toBeDefined();
  });

  it('sends no search query to a server: the header box has no named field, the search page no form that submits one', () => {
    for (const { urlPath, html } of pages) {
      // Each language's box opens its own search page, which searches that language only.
      const searchPath = routesFor(langOfPath(urlPath)).search;
      for (const form of elementsOf(html).filter((e) => e.attribs['role'] === 'search')) {
        expect(form.attribs['action'] ?? searchPath, urlPath).toBe(searchPath);
      }
      const named = elementsOf(html).filter(
        (e) => e.tag === 'input' && e.attribs['type'] === 'search' && e.attribs['name'],
      );
      expect(named, urlPath).toEqual([]);
    }
  });

  it('offers the call-back form on the contact page and every program page, posting to our own origin', () => {
    const withForm = pages.filter(({ html }) => html.includes('data-call-request-form'));
    const paths = withForm.map((p) => p.urlPath);
    expect(paths).toContain('/contact/');
    expect(paths).toContain('/programs/intensive-outpatient-program/');
    expect(paths).toContain('/es/contact/');
    expect(paths).toContain(ES_IOP);
    for (const { urlPath, html } of withForm) {
      const form = elementsOf(html).find((e) => e.tag === 'form' && e.attribs['role'] !== 'search');
      // A Spanish form says so in its action, for the form proxy's own answers (see formActionOf).
      expect(form?.attribs['action'], urlPath).toBe(
        langOfPath(urlPath) === 'es' ? '/api/call-requests?language=es' : '/api/call-requests',
      );
      expect(form?.attribs['method'], urlPath).toBe('post');
      const inputs = elementsOf(html).filter((e) => e.tag === 'input');
      expect(inputs.find((i) => i.attribs['name'] === 'phone')?.attribs).toMatchObject({
        type: 'tel',
        inputmode: 'tel',
        autocomplete: 'tel',
      });
      expect(inputs.find((i) => i.attribs['name'] === 'name')?.attribs).toMatchObject({ autocomplete: 'name' });
      expect(inputs.find((i) => i.attribs['name'] === 'sourcePage')?.attribs['value']).toBe(urlPath);
      // Every error the endpoint can redirect with has a message to show without JavaScript.
      for (const code of Object.keys(callRequestForm.errors))
        expect(html, `${urlPath} ${code}`).toContain(`id="form-error-${code}"`);
    }
  });

  it('keeps hostile CMS text inert: no script from markdown, no early end of the JSON-LD', () => {
    const { html } = page(`/conditions/${HIDDEN.slug}/`);
    // The JSON-LD block, and the header box's same-origin module: nothing from the Markdown.
    expect(elementsOf(html).filter((e) => e.tag === 'script' && e.attribs['type'] !== 'module')).toHaveLength(1);
    expect(elementsOf(html).some((e) => e.tag === 'iframe' || e.tag === 'img')).toBe(false);
    expect(html).not.toContain('javascript:');
    const names = jsonLdOf(html).flatMap((b) => (b as { '@graph': { name?: string }[] })['@graph'].map((n) => n.name));
    expect(names.some((n) => n?.includes('</script>'))).toBe(true);
  });

  it('renders hostile and sloppy editor Markdown as valid HTML that continues the page outline', async () => {
    const { html } = page(`/conditions/${HIDDEN.slug}/`);
    // The hostile name makes the title long on purpose; the markup is what is checked here.
    expect(await htmlProblems(html, { 'long-title': 'off' })).toEqual([]);
    expect(html).toContain('<h2>Heading</h2>');
    expect(html).toContain('<h3>Skipped a level</h3>');
    expect(html).toContain('<th class="cell-center">Level</th>');
    expect(html).toMatch(/<p>bad and <a href="\/faq\/">good<\/a><\/p>/);
  });

  it('stays within the budgets: under 60 KB of HTML per page, under 30 KB of CSS in all', () => {
    for (const { urlPath, html } of pages) expect(Buffer.byteLength(html), urlPath).toBeLessThan(60 * 1024);
    const css = files
      .filter((f) => f.endsWith('.css'))
      .reduce((sum, f) => sum + fs.statSync(path.join(outDir, f)).size, 0);
    const inlineCss = pages.reduce(
      (max, p) => Math.max(max, [...p.html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].join('').length),
      0,
    );
    expect(css + inlineCss).toBeLessThan(30 * 1024);
  });
});

/** The header's language switch of a page: its attributes and visible text. */
function languageSwitchOf(html: string): { attribs: Record<string, string>; text: string } {
  const link = elementsOf(html).find((e) => e.tag === 'a' && 'data-language-switch' in e.attribs);
  const inner = /<a\b[^>]*data-language-switch[^>]*>([\s\S]*?)<\/a>/.exec(html)?.[1] ?? '';
  return { attribs: link?.attribs ?? {}, text: inner.replace(/<[^>]+>/g, '').trim() };
}

const isSpanish = (urlPath: string) => langOfPath(urlPath) === 'es';

/** Every `inLanguage` of a page's JSON-LD nodes. */
function inLanguagesOf(html: string): unknown[] {
  return jsonLdOf(html)
    .flatMap((b) => (b as { '@graph': { inLanguage?: unknown }[] })['@graph'])
    .filter((n) => n.inLanguage !== undefined)
    .map((n) => n.inLanguage);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The words a page shows or says (its text, and the attributes people read or hear: alt,
 * title, aria-label, placeholder, meta content, the data-* texts scripts show), leaving out
 * what is another language on purpose: JSON-LD (schema.org's English names), cited sources'
 * titles (<cite>) and whatever is marked lang="en" (the language switch's "English").
 */
function wordsOf(html: string): string {
  const kept = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ' ')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, ' ')
    .replace(/<cite\b[^>]*>[\s\S]*?<\/cite>/g, ' ')
    .replace(/<(?!html\b)(\w+)\b[^>]*\slang="en"[^>]*>[\s\S]*?<\/\1>/g, ' ');
  const attributes = [...kept.matchAll(/\s(?:alt|title|aria-label|placeholder|content|data-[\w-]+)="([^"]*)"/g)].map(
    (m) => m[1] ?? '',
  );
  return [kept.replace(/<[^>]+>/g, ' '), ...attributes]
    .join('\n')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('the Spanish edition', () => {
  // Published by this test in English only (the hidden condition, the extra FAQs of /faq/2/),
  // or the one page of both languages (404, 410): their switch goes to the Spanish home.
  const WITHOUT_COUNTERPART = [`/conditions/${HIDDEN.slug}/`, '/faq/2/', '/404.html', '/410/'];
  const english = () => pages.filter((p) => !isSpanish(p.urlPath));
  const spanish = () => pages.filter((p) => isSpanish(p.urlPath));

  it('builds every English page in Spanish too, reached by the language switch, whose Spanish page switches back', () => {
    const targets: string[] = [];
    for (const { urlPath, html } of english()) {
      const link = languageSwitchOf(html);
      expect(link, urlPath).toMatchObject({ attribs: { hreflang: 'es-US', lang: 'es' }, text: 'Español' });
      const href = link.attribs['href'] ?? '';
      if (WITHOUT_COUNTERPART.includes(urlPath)) {
        expect(href, urlPath).toBe('/es/');
        continue;
      }
      expect(isSpanish(href), `${urlPath} -> ${href}`).toBe(true);
      expect(languageSwitchOf(page(href).html), `${href} back`).toMatchObject({
        attribs: { href: urlPath, hreflang: 'en-US', lang: 'en' },
        text: 'English',
      });
      targets.push(href);
    }
    expect(targets).toContain(ES_IOP);
    expect(targets).toContain('/es/faq/');
    // Each English page has its own Spanish page, and there is no Spanish page without one.
    expect([...new Set(targets)].sort()).toEqual(
      spanish()
        .map((p) => p.urlPath)
        .sort(),
    );
  });

  it("pairs pages whose two versions may both be indexed with hreflang alternates, reciprocal, and exactly the sitemap's", () => {
    const sitemap = new Map(sitemapEntries(outDir).map((e) => [new URL(e.loc).pathname, e.alternates]));
    let paired = 0;
    for (const { urlPath, html } of pages) {
      const alternates = alternatesOf(html);
      expect(sitemap.get(urlPath) ?? [], `${urlPath} in the sitemap`).toEqual(alternates);
      if (alternates.length === 0) continue;
      paired += 1;
      expect(sitemap.has(urlPath), `${urlPath} is paired, so listed`).toBe(true);
      const byHreflang = Object.fromEntries(
        alternates.map((a): [string, string] => [a.split(' ')[0] ?? '', a.split(' ')[1] ?? '']),
      );
      expect(Object.keys(byHreflang).sort(), urlPath).toEqual(['en-US', 'es-US', 'x-default']);
      expect(byHreflang[isSpanish(urlPath) ? 'es-US' : 'en-US'], urlPath).toBe(`${SITE_URL}${urlPath}`);
      expect(byHreflang['x-default'], urlPath).toBe(byHreflang['en-US']);
      for (const href of Object.values(byHreflang)) {
        expect(alternatesOf(page(new URL(href).pathname).html), `${urlPath} and ${href}`).toEqual(alternates);
      }
      expect(metaOf(html, 'og:locale:alternate'), urlPath).toBe(isSpanish(urlPath) ? 'en_US' : 'es_US');
    }
    // The list pages and the FAQ: our own reviewed words around the entries' names.
    expect(alternatesOf(page('/compare/').html)).toEqual([
      `en-US ${SITE_URL}/compare/`,
      `es-US ${SITE_URL}/es/compare/`,
      `x-default ${SITE_URL}/compare/`,
    ]);
    expect(paired).toBeGreaterThanOrEqual(12);
  });

  it('keeps a translation nobody has reviewed noindex, out of the sitemap and of both versions’ alternates', () => {
    const listed = new Set(sitemapEntries(outDir).map((e) => new URL(e.loc).pathname));
    // Every seeded translation is unreviewed: the entries' pages, and the home (the facility's).
    const unreviewed = spanish().filter(({ urlPath }) => SEEDED_UNREVIEWED_ES.test(urlPath));
    expect(unreviewed.length).toBeGreaterThanOrEqual(20);
    for (const { urlPath, html } of unreviewed) {
      expect(isNoindex(html), urlPath).toBe(true);
      expect(listed.has(urlPath), urlPath).toBe(false);
      expect(alternatesOf(html), urlPath).toEqual([]);
      const englishPath = languageSwitchOf(html).attribs['href'] ?? '';
      expect(isNoindex(page(englishPath).html), englishPath).toBe(false);
      expect(alternatesOf(page(englishPath).html), englishPath).toEqual([]);
    }
    expect(isNoindex(page(ES_IOP).html)).toBe(true);
    expect(isNoindex(page('/es/programs/').html)).toBe(false);
  });

  it('writes every Spanish page in Spanish: <html lang="es">, og:locale es_US, JSON-LD in es-US, no English word of the site’s own', () => {
    const englishTexts = englishOnlyTexts().map((text) => ({
      text,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, 'u'),
    }));
    const englishFound = (html: string) => {
      const words = wordsOf(html);
      return englishTexts.filter(({ pattern }) => pattern.test(words)).map(({ text }) => text);
    };
    // The check finds what it looks for: the English pages are full of it.
    expect(englishFound(page('/programs/').html).length).toBeGreaterThan(20);
    expect(englishFound(page(IOP).html).length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const { urlPath, html } of spanish()) {
      expect(elementsOf(html).find((e) => e.tag === 'html')?.attribs['lang'], urlPath).toBe('es');
      expect(metaOf(html, 'og:locale'), urlPath).toBe('es_US');
      for (const inLanguage of inLanguagesOf(html)) expect(inLanguage, urlPath).toBe('es-US');
      found.push(...englishFound(html).map((text) => `${urlPath}: "${text}"`));
    }
    expect(found).toEqual([]);
    // The nodes that say what language a page is in (MedicalWebPage, FAQPage) say it.
    for (const urlPath of [ES_IOP, '/es/faq/']) expect(inLanguagesOf(page(urlPath).html), urlPath).not.toEqual([]);
    for (const { urlPath, html } of english()) {
      for (const inLanguage of inLanguagesOf(html)) expect(inLanguage, urlPath).toBe('en-US');
    }
  });
});

// Last in the file: it changes the CMS and builds again, into a folder of its own.
describe('a translation an editor marks reviewed', () => {
  let rebuiltDir: string;
  let rebuilt: BuiltPage[];
  // Group therapy: both versions reviewed, the English one a duplicate of another page by its editor's say.
  const GROUP = '/treatments/group-therapy/';
  const ES_GROUP = '/es/treatments/terapia-de-grupo/';
  const GROUP_CANONICAL = `${SITE_URL}/treatments/psychotherapy/`;

  beforeAll(async () => {
    const MODALITY = '/collection-types/api::treatment-modality.treatment-modality';
    const modalities = (await (
      await contentManager('GET', `${MODALITY}?filters[slug][$eq]=${GROUP.split('/').at(-2)}`)
    ).json()) as { results: { documentId: string }[] };
    const group = modalities.results[0];
    if (!group) throw new Error('the group therapy modality is not seeded');
    await contentManager('POST', `${MODALITY}/${group.documentId}/actions/publish?locale=es`, {
      translationReviewed: true,
    });
    await contentManager('POST', `${MODALITY}/${group.documentId}/actions/publish`, {
      seo: { canonicalUrl: GROUP_CANONICAL, noindex: false },
    });
    const LEVEL = '/collection-types/api::program-level.program-level';
    const found = (await (
      await contentManager('GET', `${LEVEL}?locale=es&filters[slug][$eq]=${ES_IOP.split('/').at(-2)}`)
    ).json()) as { results: { documentId: string }[] };
    const iop = found.results[0];
    if (!iop) throw new Error('the Spanish IOP level is not seeded');
    // What an editor does in the admin: tick "Translation reviewed" on the Spanish version, publish.
    await contentManager('POST', `${LEVEL}/${iop.documentId}/actions/publish?locale=es`, {
      translationReviewed: true,
    }).catch((error: unknown) => {
      throw new Error(`publishing the reviewed translation failed; the CMS said:\n${cms.output().slice(-3000)}`, {
        cause: error,
      });
    });
    rebuiltDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-build-reviewed-'));
    await buildSite(buildEnv, rebuiltDir);
    rebuilt = readPages(rebuiltDir);
  }, 240_000);

  afterAll(() => {
    if (rebuiltDir) fs.rmSync(rebuiltDir, { recursive: true, force: true });
  });

  const rebuiltPage = (urlPath: string) => {
    const found = rebuilt.find((p) => p.urlPath === urlPath);
    if (!found) throw new Error(`${urlPath} was not rebuilt`);
    return found.html;
  };

  it('becomes indexable on the next build, paired with its English page by hreflang in both pages and in the sitemap', () => {
    const pair = [`en-US ${SITE_URL}${IOP}`, `es-US ${SITE_URL}${ES_IOP}`, `x-default ${SITE_URL}${IOP}`];
    expect(isNoindex(rebuiltPage(ES_IOP))).toBe(false);
    expect(alternatesOf(rebuiltPage(ES_IOP))).toEqual(pair);
    expect(alternatesOf(rebuiltPage(IOP))).toEqual(pair);
    const sitemap = new Map(sitemapEntries(rebuiltDir).map((e) => [new URL(e.loc).pathname, e.alternates]));
    expect(sitemap.get(ES_IOP)).toEqual(pair);
    expect(sitemap.get(IOP)).toEqual(pair);
    // The other translations are as they were.
    expect(isNoindex(rebuiltPage('/es/programs/programa-ambulatorio/'))).toBe(true);
    expect(sitemap.has('/es/programs/programa-ambulatorio/')).toBe(false);
    expect(alternatesOf(rebuiltPage('/programs/outpatient-program/'))).toEqual([]);
  });

  it('leaves a reviewed pair unpaired and the duplicate out of the sitemap when one version names another canonical', () => {
    const canonicalOf = (html: string) =>
      elementsOf(html).find((e) => e.tag === 'link' && e.attribs['rel'] === 'canonical')?.attribs['href'];
    expect(canonicalOf(rebuiltPage(GROUP))).toBe(GROUP_CANONICAL);
    expect(canonicalOf(rebuiltPage(ES_GROUP))).toBe(`${SITE_URL}${ES_GROUP}`);
    for (const urlPath of [GROUP, ES_GROUP]) {
      expect(isNoindex(rebuiltPage(urlPath)), urlPath).toBe(false);
      expect(alternatesOf(rebuiltPage(urlPath)), urlPath).toEqual([]);
    }
    // Still one page in two languages to a visitor.
    expect(languageSwitchOf(rebuiltPage(GROUP)).attribs['href']).toBe(ES_GROUP);
    expect(languageSwitchOf(rebuiltPage(ES_GROUP)).attribs['href']).toBe(GROUP);
    const sitemap = new Map(sitemapEntries(rebuiltDir).map((e) => [new URL(e.loc).pathname, e.alternates]));
    expect(sitemap.has(GROUP)).toBe(false);
    expect(sitemap.get(ES_GROUP)).toEqual([]);
  });
});
