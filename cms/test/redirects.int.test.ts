import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, startTestCms, type TestCms } from '@clinic/testing/start-test-cms';

const IOP = 'intensive-outpatient-program';
const LEVELS = '/content-manager/collection-types/api::program-level.program-level';
const REDIRECTS = '/content-manager/collection-types/api::redirect.redirect';

let cms: TestCms;
let jwt: string;
let iopId: string;

interface StoredRedirect {
  documentId: string;
  fromPath: string;
  httpStatus: string;
  targetType: string | null;
  targetDocumentId: string | null;
}

async function admin(method: string, urlPath: string, body?: unknown): Promise<Response> {
  return fetch(`${cms.url}${urlPath}`, {
    method,
    headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Published redirects, as the site's read token sees them. */
async function publishedRedirects(): Promise<StoredRedirect[]> {
  const res = await fetch(`${cms.url}/api/redirects?pagination[pageSize]=100`, {
    headers: { Authorization: `Bearer ${cms.token}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: StoredRedirect[] }).data;
}

async function publishIopWithSlug(slug: string): Promise<void> {
  const res = await admin('POST', `${LEVELS}/${iopId}/actions/publish`, { slug });
  expect(res.status, await res.clone().text()).toBe(200);
}

beforeAll(async () => {
  cms = await startTestCms();
  jwt = await adminLogin(cms);
  const res = await fetch(`${cms.url}/api/program-levels?filters[slug]=${IOP}`, {
    headers: { Authorization: `Bearer ${cms.token}` },
  });
  iopId = ((await res.json()) as { data: { documentId: string }[] }).data[0]!.documentId;
});
afterAll(async () => {
  await cms?.dispose();
});

describe('a slug change leaves a permanent redirect to the entry', () => {
  it('records a 301 from the old page to the entry when the IOP is published under a new slug', async () => {
    await publishIopWithSlug('iop-renamed');
    const redirects = await publishedRedirects();
    expect(redirects).toEqual([
      expect.objectContaining({
        fromPath: `/programs/${IOP}/`,
        httpStatus: 'moved-permanently-301',
        targetType: 'program-level',
        targetDocumentId: iopId,
      }),
    ]);
  });

  it('points every old page at the entry after a second rename, so each answers in one hop', async () => {
    await publishIopWithSlug('iop-second-name');
    const redirects = await publishedRedirects();
    expect(redirects.map((r) => r.fromPath).sort()).toEqual([`/programs/${IOP}/`, '/programs/iop-renamed/']);
    for (const redirect of redirects) expect(redirect.targetDocumentId).toBe(iopId);
  });

  it('removes the redirect from a page that is live again when the slug is changed back (no loop)', async () => {
    await publishIopWithSlug(IOP);
    const redirects = await publishedRedirects();
    expect(redirects.map((r) => r.fromPath).sort()).toEqual(['/programs/iop-renamed/', '/programs/iop-second-name/']);
  });
});

describe('redirects editors add', () => {
  it('stores a 410 with its path normalized to the trailing slash', async () => {
    const res = await admin('POST', `${REDIRECTS}/actions/publish`, {
      fromPath: '/old-campaign',
      httpStatus: 'gone-410',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await publishedRedirects()).map((r) => r.fromPath)).toContain('/old-campaign/');
  });

  it("turns a typed entry page into the entry, so the redirect follows the entry's later renames", async () => {
    const res = await admin('POST', `${REDIRECTS}/actions/publish`, {
      fromPath: '/iop-old-site.html',
      httpStatus: 'moved-permanently-301',
      targetPath: `/programs/${IOP}`,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await publishedRedirects()).find((r) => r.fromPath === '/iop-old-site.html')).toMatchObject({
      targetType: 'program-level',
      targetDocumentId: iopId,
    });
  });

  it('refuses a redirect to a host that is not allowed, naming targetPath', async () => {
    const res = await admin('POST', REDIRECTS, {
      fromPath: '/partner/',
      httpStatus: 'moved-permanently-301',
      targetType: 'path',
      targetPath: 'https://evil.example/landing/',
    });
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(text).toContain('targetPath');
    expect(text).toContain('REDIRECT_ALLOWED_HOSTS');
  });

  it('refuses a redirect from a live page, naming fromPath', async () => {
    const res = await admin('POST', REDIRECTS, { fromPath: '/contact', httpStatus: 'found-302', targetPath: '/faq/' });
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(text).toContain('fromPath');
  });
});

describe('internal links are checked on publish', () => {
  const condition = (body: string, slug: string) => ({
    name: `Link check ${slug}`,
    slug,
    summary: 'A summary that is long enough to pass the forty character minimum.',
    body,
  });

  it('refuses a body linking to /programs/no-such-page/, naming the field and the link', async () => {
    const res = await admin(
      'POST',
      '/content-manager/collection-types/api::condition.condition/actions/publish',
      condition('See [a level](/programs/no-such-page/) for more.', 'link-check-broken'),
    );
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(text).toContain('body');
    expect(text).toContain('/programs/no-such-page/');
  });

  it('refuses an FAQ answer linking to an anchor no FAQ has', async () => {
    const res = await admin('POST', '/content-manager/collection-types/api::faq.faq/actions/publish', {
      question: 'Is this a question with a broken anchor?',
      slug: 'question-with-broken-anchor',
      answer: 'See [this answer](/faq/#no-such-question).',
      topic: 'getting-started',
      order: 500,
    });
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(text).toContain('answer');
    expect(text).toContain('#no-such-question');
  });

  it('publishes links to pages, redirect sources and FAQ anchors that exist', async () => {
    const res = await admin(
      'POST',
      '/content-manager/collection-types/api::condition.condition/actions/publish',
      condition(
        `[IOP](/programs/${IOP}/), [old name](/programs/iop-renamed/), [contact](/contact/#request-a-call)`,
        'link-check-fine',
      ),
    );
    expect(res.status, await res.clone().text()).toBe(200);
  });
});
