/**
 * The publishing contract, end to end: a real Strapi whose rebuild webhook points at a real
 * publisher (in this process, with a stand-in build step that records each build's trigger).
 * Each editor action sends whatever the CMS really sends; the test checks what the publisher
 * does with it, so the CMS's subscription and the publisher's decision cannot drift apart.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BULK_LOAD_EVENT, PREVIEW_EVENTS, SITE_CHANGING_EVENTS, type BuildTrigger } from '@clinic/shared-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentManagerClient, type ContentManagerRequest, type TestCms } from '@clinic/testing/start-test-cms';
import { startCmsWithRecordingPublisher, type RecordingSystem } from '@clinic/testing/start-recording-publisher';
import { eventually } from '@clinic/testing/start-test-system';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FAQ = 'api::faq.faq';

let system: RecordingSystem;
let cms: TestCms;
let jwt: string;
let admin: ContentManagerRequest;
/** The trigger of every build the publisher went live with, in order. */
let triggers: BuildTrigger[];
/** The `[hooks] ...` lines: one per webhook the publisher received, with its decision. */
let hookLines: string[];

beforeAll(async () => {
  system = await startCmsWithRecordingPublisher({ quietMs: 150, maxWaitMs: 2000 });
  ({ cms, jwt, triggers, hookLines } = system);
  admin = contentManagerClient(cms, () => jwt);
}, 240_000);

afterAll(async () => {
  await system?.dispose();
});

/**
 * Runs `action`, waits for the webhooks it causes to be handled and for the publisher to go idle,
 * and returns the hook lines and the triggers of the builds it caused.
 */
async function observe(action: () => Promise<void>, expectedHooks: number) {
  const hooksBefore = hookLines.length;
  const buildsBefore = triggers.length;
  await action();
  await eventually(() => hookLines.length >= hooksBefore + expectedHooks, 60_000, `${expectedHooks} webhook(s)`);
  // A webhook that was going to arrive has by now (Strapi sends within milliseconds): wait out the
  // quiet window, then anything scheduled has run.
  await new Promise((r) => setTimeout(r, 500));
  await system.publisher.whenIdle();
  return { hooks: hookLines.slice(hooksBefore), builds: triggers.slice(buildsBefore) };
}

async function documentIdOf(slug: string): Promise<string> {
  const res = await admin('GET', `/collection-types/${FAQ}?filters[slug][$eq]=${slug}&pageSize=1`);
  const body = (await res.json()) as { results: { documentId: string }[] };
  const id = body.results[0]?.documentId;
  if (!id) throw new Error(`no FAQ ${slug}`);
  return id;
}

describe('the CMS and the publisher keep one publishing contract', () => {
  it('registers the rebuild webhook for exactly the contract events', async () => {
    const res = await fetch(`${cms.url}/admin/webhooks`, { headers: { Authorization: `Bearer ${jwt}` } });
    const { data } = (await res.json()) as { data: { name: string; events: string[]; url: string }[] };
    const hook = data.find((w) => w.url.endsWith('/hooks/strapi'));
    expect([...(hook?.events ?? [])].sort()).toEqual([...SITE_CHANGING_EVENTS, ...PREVIEW_EVENTS].sort());
  });

  it('builds once for a publish, and a draft save before it (sent for previews) builds nothing live', async () => {
    const id = await documentIdOf('how-big-are-iop-therapy-groups');
    const { hooks, builds } = await observe(async () => {
      await admin('PUT', `/collection-types/${FAQ}/${id}`, { answer: 'Groups hold 8 to 15 people. CONTRACT-1' });
      await admin('POST', `/collection-types/${FAQ}/${id}/actions/publish`, {});
    }, 2);
    // Strapi sends entry.update for the save (and again as it publishes): previews only.
    const updates = hooks.filter((line) => line.startsWith(`[hooks] entry.update ${FAQ}`));
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.every((line) => line.endsWith('-> ignored'))).toBe(true);
    expect(hooks.filter((line) => !updates.includes(line))).toEqual([
      `[hooks] entry.publish ${FAQ} -> build scheduled`,
    ]);
    expect(builds).toHaveLength(1);
    expect(builds[0]).toMatchObject({ events: { 'entry.publish': 1 }, models: ['faq'] });
  });

  it('builds once for an unpublish', async () => {
    const id = await documentIdOf('do-i-have-to-join-a-peer-support-group');
    const { builds } = await observe(
      () => admin('POST', `/collection-types/${FAQ}/${id}/actions/unpublish`, {}).then(() => {}),
      1,
    );
    expect(builds).toHaveLength(1);
    expect(builds[0]?.events).toEqual({ 'entry.unpublish': 1 });
  });

  it('builds once for a delete', async () => {
    const id = await documentIdOf('what-happens-at-the-initial-assessment');
    const { hooks, builds } = await observe(() => admin('DELETE', `/collection-types/${FAQ}/${id}`).then(() => {}), 1);
    expect(hooks.some((line) => line.startsWith(`[hooks] entry.delete ${FAQ}`))).toBe(true);
    expect(builds).toHaveLength(1);
    expect(builds[0]?.events['entry.delete']).toBeGreaterThanOrEqual(1);
  });

  it('builds once for a media update, and not for the upload itself', async () => {
    const upload = new FormData();
    // A 1x1 PNG: the upload plugin checks that the bytes are the image type they claim.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    upload.append('files', new Blob([png], { type: 'image/png' }), 'square.png');
    const created = await fetch(`${cms.url}/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${jwt}` },
      body: upload,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const [file] = (await created.json()) as { id: number }[];
    const { hooks, builds } = await observe(async () => {
      const info = new FormData();
      info.append('fileInfo', JSON.stringify({ alternativeText: 'A plain square', name: 'square.png' }));
      const res = await fetch(`${cms.url}/upload?id=${file!.id}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${jwt}` },
        body: info,
      });
      expect(res.ok).toBe(true);
    }, 1);
    expect(hooks).toEqual(['[hooks] media.update -> build scheduled']);
    expect(builds.map((b) => b.events)).toEqual([{ 'media.update': 1 }]);
  });

  it('makes exactly one build when `npm run seed` restores missing content on a running system', async () => {
    // The delete above left a seeded FAQ missing: the seed creates it again.
    const { hooks, builds } = await observe(
      () =>
        new Promise<void>((resolve, reject) => {
          const seed = spawn('npm', ['run', 'seed'], { cwd: rootDir, env: cms.env, stdio: 'pipe' });
          let output = '';
          seed.stdout.on('data', (d: Buffer) => (output += d.toString()));
          seed.stderr.on('data', (d: Buffer) => (output += d.toString()));
          seed.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed failed (${code}):\n${output}`))));
        }),
      1,
    );
    expect(hooks).toEqual([`[hooks] ${BULK_LOAD_EVENT.event} ${BULK_LOAD_EVENT.uid} -> build scheduled`]);
    expect(builds).toHaveLength(1);
    expect(builds[0]).toMatchObject({ events: { 'entry.publish': 1 }, models: [BULK_LOAD_EVENT.model] });
  }, 180_000);
});
