import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { eventually, startTestSystem, type TestSystem } from '@clinic/testing/start-test-system';
import { execSql } from '@clinic/testing/test-database';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
  await eventually(async () => (await system.status()).live !== null, 120_000, 'the first build to go live');
}, 180_000);
afterAll(async () => {
  await system?.stop();
});
beforeEach(() => {
  onTestFailed(() => console.error(`publisher output (tail):\n${system.publisherOutput().slice(-6000)}`));
});

const admin = (method: string, path: string, body?: unknown) => system.contentManager(method, path, body);
const LEVEL = 'api::program-level.program-level';
const REDIRECT = 'api::redirect.redirect';
const IOP = '/programs/intensive-outpatient-program/';
const ES_IOP = '/es/programs/programa-ambulatorio-intensivo/';

async function findDocument(uid: string, field: string, value: string): Promise<string> {
  const res = await admin(
    'GET',
    `/collection-types/${uid}?filters[${field}][$eq]=${encodeURIComponent(value)}&pageSize=1`,
  );
  const id = ((await res.json()) as { results: { documentId: string }[] }).results[0]?.documentId;
  if (!id) throw new Error(`${uid} with ${field}=${value} not found`);
  return id;
}

/** The site listener's answer, redirects not followed. */
async function answer(path: string): Promise<{ status: number; location: string | null; text: string }> {
  const res = await fetch(`${system.siteUrl}${path}`, { redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

async function renameIop(slug: string): Promise<void> {
  const id = await findDocument(LEVEL, 'slug', (await currentIopSlug()) ?? 'intensive-outpatient-program');
  await admin('POST', `/collection-types/${LEVEL}/${id}/actions/publish`, { slug });
  await eventually(
    async () => (await answer(`/programs/${slug}/`)).status === 200,
    60_000,
    `/programs/${slug}/ to go live`,
  );
}

let iopSlug: string | null = null;
async function currentIopSlug(): Promise<string | null> {
  return Promise.resolve(iopSlug);
}

describe('old addresses after a slug change', () => {
  it('answers the old IOP address with a 301 to the new page, in one hop', async () => {
    await renameIop('iop-first-rename');
    iopSlug = 'iop-first-rename';
    const moved = await answer(IOP);
    expect(moved.status).toBe(301);
    expect(moved.location).toBe('/programs/iop-first-rename/');
    expect((await answer(moved.location!)).status).toBe(200);
  });

  it('sends every old address straight to the current one after a second rename', async () => {
    await renameIop('iop-second-rename');
    iopSlug = 'iop-second-rename';
    for (const old of [IOP, '/programs/iop-first-rename/', '/programs/iop-first-rename?ref=x']) {
      const moved = await answer(old);
      expect(moved.status, old).toBe(301);
      expect(moved.location, old).toMatch(/^\/programs\/iop-second-rename\/(\?ref=x)?$/);
      expect((await answer(moved.location!)).status, `${old} in one hop`).toBe(200);
    }
    const sitemap = (await answer('/sitemap-0.xml')).text;
    expect(sitemap).toContain('/programs/iop-second-rename/');
    expect(sitemap).not.toContain(IOP);
    expect(sitemap).not.toContain('/programs/iop-first-rename/');
  });

  it('serves the page again, not a loop, when the slug is changed back', async () => {
    await renameIop('intensive-outpatient-program');
    iopSlug = 'intensive-outpatient-program';
    expect((await answer(IOP)).status).toBe(200);
    const moved = await answer('/programs/iop-second-rename/');
    expect(moved.status).toBe(301);
    expect(moved.location).toBe(IOP);
  });

  it('answers the old Spanish address with a 301 to the new Spanish page, and leaves the English page be', async () => {
    const id = await findDocument(LEVEL, 'slug', 'intensive-outpatient-program');
    await admin('POST', `/collection-types/${LEVEL}/${id}/actions/publish?locale=es`, { slug: 'pai-renombrado' });
    await eventually(
      async () => (await answer('/es/programs/pai-renombrado/')).status === 200,
      60_000,
      '/es/programs/pai-renombrado/ to go live',
    );
    const moved = await answer(ES_IOP);
    expect(moved.status).toBe(301);
    expect(moved.location).toBe('/es/programs/pai-renombrado/');
    expect((await answer(IOP)).status).toBe(200);
  });
});

describe('redirects editors manage', () => {
  it('answers a page marked gone with 410 and the 410 page, and writes _redirects for a static host', async () => {
    await admin('POST', `/collection-types/${REDIRECT}/actions/publish`, {
      fromPath: '/spring-campaign',
      httpStatus: 'gone-410',
    });
    await eventually(async () => (await answer('/spring-campaign/')).status === 410, 60_000, 'the 410 to go live');
    const gone = await answer('/spring-campaign/');
    expect(gone.text).toContain('This page has been removed');
    expect(gone.text).toContain('noindex');
    expect((await answer('/sitemap-0.xml')).text).not.toMatch(/\/410\/|spring-campaign/);

    const staticHost = (await answer('/_redirects')).text.split('\n');
    expect(staticHost).toContain('/spring-campaign/ /410/ 410');
    expect(staticHost).toContain('/programs/iop-first-rename/ /programs/intensive-outpatient-program/ 301');
  });
});

describe('a broken internal link in a build', () => {
  it('refuses in the CMS to unpublish a page a published body links to, and the page stays live', async () => {
    const condition = {
      name: 'Link check condition',
      slug: 'link-check-condition',
      summary: 'A summary that is long enough to pass the forty character minimum.',
      body: 'Read about [family therapy](/treatments/family-therapy/) and the [spring talks](/spring-talks/).',
    };
    await admin('POST', `/collection-types/${REDIRECT}/actions/publish`, {
      fromPath: '/spring-talks',
      httpStatus: 'found-302',
      targetType: 'path',
      targetPath: '/faq/',
    });
    await admin('POST', '/collection-types/api::condition.condition/actions/publish', condition);
    await eventually(
      async () => (await answer('/conditions/link-check-condition/')).status === 200,
      60_000,
      'the condition',
    );

    const familyTherapy = await findDocument('api::treatment-modality.treatment-modality', 'slug', 'family-therapy');
    await expect(
      admin(
        'POST',
        `/collection-types/api::treatment-modality.treatment-modality/${familyTherapy}/actions/unpublish`,
        {},
      ),
    ).rejects.toThrow(/: 400 .*Family therapy can't be unpublished: it is linked from .*Link check condition \(Body\)/);
    // A redirect a body links to is a page for that link: deleting it is refused the same way.
    const redirect = await findDocument(REDIRECT, 'fromPath', '/spring-talks/');
    await expect(admin('DELETE', `/collection-types/${REDIRECT}/${redirect}`)).rejects.toThrow(
      /: 400 .*The redirect from \/spring-talks\/ can't be deleted: it is linked from Link check condition \(Body\)/,
    );
    expect((await answer('/treatments/family-therapy/')).status).toBe(200);
    expect((await answer('/spring-talks/')).status).toBe(302);
  });

  it('keeps the last good build live and names the page, when a broken link reaches the build past the CMS', async () => {
    // The CMS refuses every publish that would break a link, an FAQ renamed under a link to its
    // anchor included. Content can still change below it: a database restored from a backup, a
    // bulk import, a bug. Then the publisher's own check of the built site is what keeps the live
    // site whole. Here the FAQ is renamed in the database, as a restore or an import would, and
    // nothing sends a webhook: the rebuild is forced, as an operator would after one.
    await admin('POST', '/collection-types/api::condition.condition/actions/publish', {
      name: 'Anchor check condition',
      slug: 'anchor-check-condition',
      summary: 'A summary that is long enough to pass the forty character minimum.',
      body: 'See [virtual IOP](/faq/#is-virtual-iop-available).',
    });
    await eventually(
      async () => (await answer('/conditions/anchor-check-condition/')).status === 200,
      60_000,
      'the condition',
    );
    const liveBefore = (await system.status()).live?.id;
    // Both rows of the document: its draft and its published version.
    const renamed = await execSql(system.cms, 'UPDATE faqs SET slug = ? WHERE slug = ?', [
      'virtual-iop-renamed',
      'is-virtual-iop-available',
    ]);
    expect(renamed).toBe(2);
    const forced = await fetch(`${system.hooksUrl}/hooks/rebuild`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${system.cms.env.REBUILD_SECRET}` },
    });
    expect(forced.status).toBe(202);
    await eventually(async () => (await system.status()).lastError !== null, 60_000, 'the build to fail');
    const status = await system.status();
    expect(status.live?.id).toBe(liveBefore);
    expect(status.lastError?.message).toMatch(
      /Broken internal link: \/\S*\/ links to \/faq\/#is-virtual-iop-available/,
    );
    expect(system.publisherOutput()).toContain(
      '/conditions/anchor-check-condition/ links to /faq/#is-virtual-iop-available',
    );
    expect((await answer('/faq/')).text).toContain('id="is-virtual-iop-available"');
  });
});
