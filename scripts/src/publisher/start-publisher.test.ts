import { mkdir, readFile, readdir, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Publisher } from './start-publisher.ts';
import {
  FakeBuilder,
  TEST_SECRET,
  createDataDir,
  rawRequest,
  startTestPublisher,
  writeFakeSite,
} from './testing/fake-site.ts';

let publisher: Publisher | null = null;

afterEach(async () => {
  await publisher?.close();
  publisher = null;
});

async function start(dataDir: string, builder: FakeBuilder, extra: { retryDelayMs?: number } = {}): Promise<Publisher> {
  publisher = await startTestPublisher({ dataDir, runBuild: builder.runBuild, ...extra });
  return publisher;
}

async function home(p: Publisher): Promise<string> {
  return (await rawRequest(`${p.siteUrl}/`)).body.toString();
}

async function buildFolders(dataDir: string): Promise<string[]> {
  return (await readdir(join(dataDir, 'builds'))).filter((name) => /^\d{8}T/.test(name)).sort();
}

describe('publisher deploys', () => {
  it('writes live.json and the current link for the live build', async () => {
    const dataDir = await createDataDir();
    const p = await start(dataDir, new FakeBuilder());
    await p.whenIdle();
    const live = JSON.parse(await readFile(join(dataDir, 'builds', 'live.json'), 'utf8')) as Record<string, unknown>;
    expect(live).toMatchObject({ id: p.status().live?.id, dir: join(dataDir, 'builds', String(live.id)) });
    expect(await readlink(join(dataDir, 'builds', 'current'))).toBe(live.id);
    expect((await readdir(join(dataDir, 'builds'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it("shows the live build's stage timings on /status and in live.json, with the phases its build step reported", async () => {
    const dataDir = await createDataDir();
    const p = await start(dataDir, new FakeBuilder());
    await p.whenIdle();
    publisher = null;
    await p.close();
    const timed = await startTestPublisher({
      dataDir,
      runBuild: async ({ outDir }) => {
        await writeFakeSite(outDir, 'timed');
        return { contentMs: 5, bundleMs: 7, renderMs: 3 };
      },
    });
    publisher = timed;
    timed.requestBuild();
    await timed.whenIdle();
    const status = (await (await fetch(`${timed.hooksUrl}/status`)).json()) as ReturnType<Publisher['status']>;
    expect(status.live?.stages).toMatchObject({ contentMs: 5, bundleMs: 7, renderMs: 3 });
    for (const key of ['waitingMs', 'buildMs', 'otherMs', 'checkMs', 'precompressMs', 'switchMs'] as const) {
      expect(status.live?.stages?.[key]).toBeGreaterThanOrEqual(0);
    }
    const live = JSON.parse(await readFile(join(dataDir, 'builds', 'live.json'), 'utf8')) as Record<string, unknown>;
    expect(live.stages).toMatchObject({ contentMs: 5, bundleMs: 7, renderMs: 3 });
  });

  it('keeps serving the last good build when a build fails, and shows why on /status', async () => {
    const builder = new FakeBuilder();
    const p = await start(await createDataDir(), builder);
    await p.whenIdle();
    const good = p.status().live?.id;

    builder.fail = 'CmsUnreachableError: http://127.0.0.1:1337 refused the connection';
    p.requestBuild();
    await p.whenIdle();

    expect(await home(p)).toContain('Home build-1');
    const status = (await (await fetch(`${p.hooksUrl}/status`)).json()) as ReturnType<Publisher['status']>;
    expect(status.state).toBe('failed');
    expect(status.live?.id).toBe(good);
    expect(status.lastError?.message).toContain('CmsUnreachableError');
    expect(status.lastError?.output).toContain('building build-2');
    expect(status.lastError?.buildId).not.toBe(good);

    builder.fail = null;
    p.requestBuild();
    await p.whenIdle();
    expect(await home(p)).toContain('Home build-3');
    expect(p.status().state).toBe('live');
  });

  it('refuses to go live with a build that has no sitemap, and removes its folder', async () => {
    const dataDir = await createDataDir();
    const builder = new FakeBuilder();
    const p = await start(dataDir, builder);
    await p.whenIdle();
    const before = await buildFolders(dataDir);

    publisher = null;
    await p.close();
    const broken = await startTestPublisher({
      dataDir,
      runBuild: async ({ outDir }) => {
        await writeFakeSite(outDir, 'broken');
        await writeFile(join(outDir, 'sitemap-index.xml'), '');
      },
    });
    publisher = broken;
    broken.requestBuild();
    await broken.whenIdle();

    expect(broken.status().lastError?.message).toBe('sitemap-index.xml is empty in the build output');
    expect(await home(broken)).toContain('Home build-1');
    expect(await buildFolders(dataDir)).toEqual(before);
  });

  it('keeps the last 3 builds and deletes older ones', async () => {
    const dataDir = await createDataDir();
    const p = await start(dataDir, new FakeBuilder());
    await p.whenIdle();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      p.requestBuild();
      await p.whenIdle();
      ids.push(p.status().live?.id ?? '');
    }
    await expect.poll(() => buildFolders(dataDir)).toEqual(ids.slice(-3));
  });

  it('serves the build named in live.json after a restart, without building', async () => {
    const dataDir = await createDataDir();
    const first = new FakeBuilder();
    const p = await start(dataDir, first);
    await p.whenIdle();
    const liveId = p.status().live?.id;
    publisher = null;
    await p.close();

    const second = new FakeBuilder();
    const restarted = await start(dataDir, second);
    expect(restarted.status()).toMatchObject({ state: 'live', live: { id: liveId } });
    expect(await home(restarted)).toContain('Home build-1');
    await restarted.whenIdle();
    expect(second.calls).toBe(0);
  });

  it('cleans a half-written build folder left by a crash and serves the last good build', async () => {
    const dataDir = await createDataDir();
    const p = await start(dataDir, new FakeBuilder());
    await p.whenIdle();
    const liveId = p.status().live?.id ?? '';
    publisher = null;
    await p.close();

    // What SIGKILL mid-build leaves: a partial folder, a half-finished one, a temp file.
    const builds = join(dataDir, 'builds');
    await mkdir(join(builds, '29990101T000000000Z-0001.partial', '_astro'), { recursive: true });
    await writeFile(join(builds, '29990101T000000000Z-0001.partial', 'index.html'), '<h1>half');
    await mkdir(join(builds, '29990101T000000000Z-0002'));
    await writeFile(join(builds, '29990101T000000000Z-0002', 'index.html'), '<h1>half');
    await writeFile(join(builds, 'live.json.29990101T000000000Z-0002.tmp'), '{');

    const restarted = await start(dataDir, new FakeBuilder());
    expect(restarted.status().live?.id).toBe(liveId);
    expect(await home(restarted)).toContain('Home build-1');
    expect((await readdir(builds)).sort()).toEqual([liveId, 'current', 'live.json'].sort());
  });

  it('falls back to the newest complete build when live.json is unreadable', async () => {
    const dataDir = await createDataDir();
    const p = await start(dataDir, new FakeBuilder());
    await p.whenIdle();
    const liveId = p.status().live?.id;
    publisher = null;
    await p.close();
    await writeFile(join(dataDir, 'builds', 'live.json'), 'not json');

    const builder = new FakeBuilder();
    const restarted = await start(dataDir, builder);
    expect(restarted.status().live?.id).toBe(liveId);
    expect(builder.calls).toBe(0);
    const rewritten = JSON.parse(await readFile(join(dataDir, 'builds', 'live.json'), 'utf8')) as { id: string };
    expect(rewritten.id).toBe(liveId);
  });

  it('retries the first build when it fails and nothing is live yet', async () => {
    const builder = new FakeBuilder();
    builder.fail = 'CMS not ready';
    const p = await start(await createDataDir(), builder, { retryDelayMs: 50 });
    await p.whenIdle();
    expect(p.status().state).toBe('failed');
    expect((await rawRequest(`${p.siteUrl}/`)).status).toBe(503);

    builder.fail = null;
    await expect.poll(() => p.status().state, { timeout: 2000 }).toBe('live');
    expect(p.status().live?.trigger.events).toEqual({ 'publisher.retry': 1 });
  });

  it('stops a running build on close without recording a failure', async () => {
    const dataDir = await createDataDir();
    let sawAbort = false;
    const p = await startTestPublisher({
      dataDir,
      runBuild: ({ signal }) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(new Error('killed'));
          });
        }),
    });
    await expect.poll(() => p.status().building).toBe(true);
    await p.close();
    expect(sawAbort).toBe(true);
    expect(p.status().lastError).toBeNull();
    expect(await readdir(join(dataDir, 'builds'))).toEqual([]);
  });
});

describe('publisher tells its build step what changed', () => {
  /** Posts one Strapi webhook to the publisher and waits until its build, if any, is done. */
  async function sendWebhook(p: Publisher, body: object): Promise<void> {
    const response = await fetch(`${p.hooksUrl}/hooks/strapi`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_SECRET}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(202);
    await p.whenIdle();
  }

  it('passes the documents of entry webhooks, and everything for anything else or after a failed build', async () => {
    const seen: Array<Record<string, string[]> | null> = [];
    let fail = false;
    const p = await startTestPublisher({
      dataDir: await createDataDir(),
      runBuild: async ({ outDir, changes }) => {
        seen.push(changes ?? null);
        if (fail) throw new Error('CMS down');
        await writeFakeSite(outDir, `build-${seen.length}`);
      },
    });
    publisher = p;
    const send = (body: object) => sendWebhook(p, body);
    const publish = (documentId: unknown) => ({
      event: 'entry.publish',
      model: 'faq',
      uid: 'api::faq.faq',
      entry: { id: 3, documentId },
    });
    await p.whenIdle();
    await send(publish('abc'));
    await send({ event: 'media.update', model: 'file', uid: 'plugin::upload.file', entry: { id: 1 } });
    await send(publish(''));
    await send({ event: 'entry.publish', model: 'bulk-load', uid: 'bulk-load', entry: { count: 20 } });
    p.requestBuild();
    await p.whenIdle();
    fail = true;
    await send(publish('lost'));
    fail = false;
    // The failed build's document may never have been fetched: the next build fetches everything.
    await send(publish('after'));
    await send(publish('next'));
    expect(seen).toEqual([
      null, // the first build
      { faq: ['abc'] },
      null, // media
      null, // no documentId
      null, // bulk load
      null, // forced rebuild
      { faq: ['lost'] },
      null,
      { faq: ['next'] },
    ]);
  });

  it('fetches everything once the last build that did is older than fullFetchEveryMs, changes or not', async () => {
    const seen: Array<Record<string, string[]> | null> = [];
    const p = await startTestPublisher({
      dataDir: await createDataDir(),
      fullFetchEveryMs: 0,
      runBuild: async ({ outDir, changes }) => {
        seen.push(changes ?? null);
        await writeFakeSite(outDir, `build-${seen.length}`);
      },
    });
    publisher = p;
    await p.whenIdle();
    for (const documentId of ['a', 'b'])
      await sendWebhook(p, { event: 'entry.publish', model: 'faq', uid: 'api::faq.faq', entry: { documentId } });
    expect(seen).toEqual([null, null, null]);
  });
});
