import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { eventually, startTestSystem, type TestSystem } from '@clinic/testing/start-test-system';

let system: TestSystem;

beforeAll(async () => {
  // The scheduler sweeps every second instead of every minute, so a scheduled action runs at once.
  system = await startTestSystem({ cmsEnv: { SCHEDULED_ACTIONS_RULE: '* * * * * *' } });
  await eventually(async () => (await system.status()).live !== null, 120_000, 'the first build to go live');
}, 180_000);
afterAll(async () => {
  await system?.stop();
});
beforeEach(() => {
  // A failed publish is explained by what the publisher printed.
  onTestFailed(() => console.error(`publisher output (tail):\n${system.publisherOutput().slice(-6000)}`));
});

const admin = (method: string, path: string, body?: unknown) => system.contentManager(method, path, body);

async function findDocument(uid: string, field: string, value: string): Promise<string> {
  const res = await admin(
    'GET',
    `/collection-types/${uid}?filters[${field}][$eq]=${encodeURIComponent(value)}&pageSize=1`,
  );
  const body = (await res.json()) as { results: { documentId: string }[] };
  const id = body.results[0]?.documentId;
  if (!id) throw new Error(`${uid} with ${field}=${value} not found`);
  return id;
}

const page = async (path: string) => {
  const res = await fetch(`${system.siteUrl}${path}`);
  return { status: res.status, text: await res.text() };
};

const FAQ = 'api::faq.faq';
const LEVEL = 'api::program-level.program-level';

describe('publish to live', () => {
  it('shows a changed and published FAQ answer on the served /faq/', async () => {
    const id = await findDocument(FAQ, 'slug', 'how-big-are-iop-therapy-groups');
    await admin('PUT', `/collection-types/${FAQ}/${id}`, { answer: 'Groups hold 8 to 15 people. MARKER-PUBLISH-1' });
    expect((await page('/faq/')).text).not.toContain('MARKER-PUBLISH-1');
    await admin('POST', `/collection-types/${FAQ}/${id}/actions/publish`, {});
    await eventually(
      async () => (await page('/faq/')).text.includes('MARKER-PUBLISH-1'),
      60_000,
      'the change on /faq/',
    );
  });

  it('removes an unpublished FAQ from the served /faq/', async () => {
    const id = await findDocument(FAQ, 'slug', 'do-i-have-to-join-a-peer-support-group');
    expect((await page('/faq/')).text).toContain('Do I have to join a peer support group?');
    await admin('POST', `/collection-types/${FAQ}/${id}/actions/unpublish`, {});
    await eventually(
      async () => !(await page('/faq/')).text.includes('Do I have to join a peer support group?'),
      60_000,
      'the FAQ to disappear',
    );
  });

  it('shows a new FAQ on the served /faq/ at its scheduled publish time, and drops it at its scheduled unpublish time', async () => {
    const question = 'When does the scheduled question go live?';
    const created = await admin('POST', `/collection-types/${FAQ}`, {
      question,
      slug: 'when-does-the-scheduled-question-go-live',
      answer: 'At the time its editor chose.',
      topic: 'after-treatment',
      order: 9000,
    });
    const { data } = (await created.json()) as { data: { documentId: string } };
    /** What the edit view's Schedule panel sends: the action and its time, a few seconds ahead here. */
    const schedule = async (mode: 'publish' | 'unpublish') => {
      const executeAt = new Date(Date.now() + 2000);
      const res = await fetch(`${system.cms.url}/admin/scheduling/actions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${system.adminJwt}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ targetUid: FAQ, targetDocumentId: data.documentId, mode, executeAt }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    };

    await schedule('publish');
    // A draft until its time.
    expect((await page('/faq/')).text).not.toContain(question);
    await eventually(async () => (await page('/faq/')).text.includes(question), 60_000, 'the FAQ on /faq/');

    await schedule('unpublish');
    expect((await page('/faq/')).text).toContain(question);
    await eventually(async () => !(await page('/faq/')).text.includes(question), 60_000, 'the FAQ to leave /faq/');
  });

  it("turns a deleted level's page into a 404 and drops it from the sitemap", async () => {
    const path = '/programs/prevention-and-early-intervention/';
    expect((await page(path)).status).toBe(200);
    const id = await findDocument(LEVEL, 'slug', 'prevention-and-early-intervention');
    await admin('DELETE', `/collection-types/${LEVEL}/${id}`);
    await eventually(async () => (await page(path)).status === 404, 60_000, 'the level page to 404');
    const sitemap = (await page('/sitemap-0.xml')).text;
    expect(sitemap).not.toContain(path);
    expect(sitemap).toContain('/programs/intensive-outpatient-program/');
  });

  it('merges 10 publishes within a second into at most 2 builds, and the live site holds all 10 changes', async () => {
    await eventually(
      async () => !(await system.status()).building && !(await system.status()).queued,
      60_000,
      'the publisher to be idle',
    );
    const before = (await system.status()).builds;
    const list = (await (await admin('GET', `/collection-types/${FAQ}?pageSize=10&sort=order:asc`)).json()) as {
      results: { documentId: string }[];
    };
    const ids = list.results.map((r) => r.documentId).slice(0, 10);
    expect(ids).toHaveLength(10);
    // Drafts first, then ten publishes in a burst.
    for (const [i, id] of ids.entries())
      await admin('PUT', `/collection-types/${FAQ}/${id}`, { answer: `Burst answer BURST-${i}-MARK.` });
    // Ten editors press Publish at the same instant. The CMS finishes them in about 0.5-2 s
    // here (SQLite, two cores shared with the build), inside one default 1 s quiet window
    // plus the build that may already be under way.
    const started = Date.now();
    await Promise.all(ids.map((id) => admin('POST', `/collection-types/${FAQ}/${id}/actions/publish`, {})));
    expect(Date.now() - started).toBeLessThan(5000);
    await eventually(
      async () => {
        const text = (await page('/faq/')).text;
        return ids.every((_, i) => text.includes(`BURST-${i}-MARK`));
      },
      90_000,
      'all 10 changes on /faq/',
    );
    await eventually(
      async () => !(await system.status()).building && !(await system.status()).queued,
      60_000,
      'the publisher to be idle',
    );
    expect((await system.status()).builds - before).toBeLessThanOrEqual(2);
  });
});

describe('failures keep the live site', () => {
  it('keeps serving when the CMS is down, shows why in /status, and recovers on the next publish', async () => {
    const liveBefore = (await system.status()).live!.id;
    await system.cms.stop();
    await fetch(`${system.hooksUrl}/hooks/rebuild`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${system.cms.env.REBUILD_SECRET}` },
    });
    await eventually(async () => (await system.status()).lastError !== null, 120_000, 'the build to fail');
    const failed = await system.status();
    expect(failed.live!.id).toBe(liveBefore);
    expect(failed.lastError!.message).toMatch(/CMS_URL|unreachable|ECONNREFUSED/i);
    expect((await page('/faq/')).status).toBe(200);

    await system.cms.restart();
    system.adminJwt = await (await import('@clinic/testing/start-test-cms')).adminLogin(system.cms);
    const id = await findDocument(FAQ, 'slug', 'how-big-are-iop-therapy-groups');
    await admin('PUT', `/collection-types/${FAQ}/${id}`, { answer: 'Groups hold 8 to 15 people. MARKER-RECOVERED' });
    await admin('POST', `/collection-types/${FAQ}/${id}/actions/publish`, {});
    await eventually(
      async () => (await page('/faq/')).text.includes('MARKER-RECOVERED'),
      90_000,
      'recovery after the CMS returns',
    );
    expect((await system.status()).live!.id).not.toBe(liveBefore);
  });

  it('serves the last good build after the publisher is killed with SIGKILL mid-build', async () => {
    const liveBefore = (await system.status()).live!.id;
    await fetch(`${system.hooksUrl}/hooks/rebuild`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${system.cms.env.REBUILD_SECRET}` },
    });
    await eventually(async () => (await system.status()).building, 10_000, 'a build to start');
    await system.killPublisher('SIGKILL');
    await system.startPublisher();
    const restarted = await system.status();
    expect(restarted.live!.id).toBe(liveBefore);
    const res = await page('/faq/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('MARKER-RECOVERED');
  });
});

describe('webhook endpoint of the running publisher', () => {
  const post = (body: string, auth?: string) =>
    fetch(`${system.hooksUrl}/hooks/strapi`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
      body,
    });

  it('refuses a missing or wrong secret with 401, an oversized body with 413 and garbage with 400', async () => {
    const secret = `Bearer ${system.cms.env.REBUILD_SECRET}`;
    expect((await post('{"event":"entry.publish"}')).status).toBe(401);
    expect((await post('{"event":"entry.publish"}', 'Bearer wrong')).status).toBe(401);
    expect((await post(JSON.stringify({ event: 'entry.publish', pad: 'x'.repeat(1_100_000) }), secret)).status).toBe(
      413,
    );
    expect((await post('not json{', secret)).status).toBe(400);
  });
});
