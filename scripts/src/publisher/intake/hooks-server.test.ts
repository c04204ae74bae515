import { publisherStatusSchema, type PublisherStatus } from '@clinic/shared-types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { consoleLogger } from '../logger.ts';
import type { Publisher } from '../start-publisher.ts';
import { FakeBuilder, TEST_SECRET, createDataDir, startTestPublisher } from '../testing/fake-site.ts';

const auth = { Authorization: `Bearer ${TEST_SECRET}` };
const json = { 'Content-Type': 'application/json' };

function webhook(body: unknown, headers: Record<string, string> = auth): RequestInit {
  return {
    method: 'POST',
    headers: { ...json, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

const publishFaq = {
  event: 'entry.publish',
  createdAt: '2025-01-01T00:00:00.000Z',
  model: 'faq',
  uid: 'api::faq.faq',
  entry: { id: 3, documentId: 'abc', question: 'Do you take insurance?' },
};

describe('hooks listener', () => {
  let publisher: Publisher;
  let builder: FakeBuilder;

  beforeEach(async () => {
    builder = new FakeBuilder();
    publisher = await startTestPublisher({ dataDir: await createDataDir(), runBuild: builder.runBuild });
    // A fresh data folder starts with one build; wait for it so counts below start at 1.
    await publisher.whenIdle();
  });
  afterEach(async () => {
    await publisher.close();
  });

  const url = (path: string): string => `${publisher.hooksUrl}${path}`;
  // Parsed with the publishing contract's schema, as the launcher and the admin read it.
  const status = async (): Promise<PublisherStatus> =>
    publisherStatusSchema.parse(await (await fetch(url('/status'))).json());

  it('refuses a webhook without the secret with 401 and builds nothing', async () => {
    const response = await fetch(url('/hooks/strapi'), webhook(publishFaq, {}));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await publisher.whenIdle();
    expect(builder.calls).toBe(1);
  });

  it('refuses a webhook with a wrong secret with 401', async () => {
    const response = await fetch(url('/hooks/strapi'), webhook(publishFaq, { Authorization: 'Bearer wrong' }));
    expect(response.status).toBe(401);
    expect(publisher.status().queued).toBe(false);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const huge = JSON.stringify({ event: 'entry.publish', padding: 'x'.repeat(1024 * 1024) });
    const response = await fetch(url('/hooks/strapi'), webhook(huge));
    expect(response.status).toBe(413);
    expect(publisher.status().queued).toBe(false);
  });

  it('refuses an oversized body sent without Content-Length with 413', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    // `duplex` is required by Node's fetch for a stream body but missing from the DOM typings.
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { ...auth, ...json },
      body,
      duplex: 'half',
    };
    const response = await fetch(url('/hooks/strapi'), init);
    expect(response.status).toBe(413);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await fetch(url('/hooks/strapi'), webhook('{"event": "entry.publish"'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'body is not valid JSON' });
  });

  it.each([
    ['an array', [], 'body'],
    ['an object without event', { model: 'faq' }, 'event'],
    ['a numeric event', { event: 42 }, 'event'],
    ['an entry that is not an object', { event: 'entry.publish', entry: 'x' }, 'entry'],
  ])('refuses %s with 400 naming what is wrong', async (_label, body, field) => {
    const response = await fetch(url('/hooks/strapi'), webhook(body));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: string };
    expect(error).toContain('not a Strapi webhook');
    expect(error).toContain(field);
  });

  it('answers a publish with 202 and builds once, recording what triggered it', async () => {
    const response = await fetch(url('/hooks/strapi'), webhook(publishFaq));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: true, rebuild: true });
    // A lone publish starts its build at once, so by now it may be queued, running or done.
    await publisher.whenIdle();
    expect(builder.calls).toBe(2);
    const live = (await status()).live;
    expect(live?.trigger).toMatchObject({ events: { 'entry.publish': 1 }, models: ['faq'], count: 1 });
    // Entry contents (possibly personal data) are never recorded.
    expect(JSON.stringify(await status())).not.toContain('insurance');
  });

  it('acknowledges drafts, call requests and the test button with 202 without building', async () => {
    for (const body of [
      { ...publishFaq, event: 'entry.update' },
      { ...publishFaq, event: 'entry.create' },
      { event: 'entry.create', model: 'call-request', uid: 'api::call-request.call-request', entry: { phone: '555' } },
      { event: 'trigger-test' },
    ]) {
      const response = await fetch(url('/hooks/strapi'), webhook(body));
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({ accepted: true, rebuild: false });
    }
    expect(publisher.status().queued).toBe(false);
    await publisher.whenIdle();
    expect(builder.calls).toBe(1);
  });

  it('forces a build on POST /hooks/rebuild with the secret only', async () => {
    expect((await fetch(url('/hooks/rebuild'), { method: 'POST' })).status).toBe(401);
    const response = await fetch(url('/hooks/rebuild'), { method: 'POST', headers: auth });
    expect(response.status).toBe(202);
    await publisher.whenIdle();
    expect(builder.calls).toBe(2);
    expect((await status()).live?.trigger.events).toEqual({ 'publisher.manual': 1 });
  });

  it('reports the live build, activity and counts on GET /status', async () => {
    const response = await fetch(url('/status'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = publisherStatusSchema.parse(await response.json());
    expect(body).toMatchObject({
      state: 'live',
      building: false,
      queued: false,
      lastError: null,
      builds: 1,
      current: null,
    });
    expect(body.live).toMatchObject({ trigger: { events: { 'publisher.startup': 1 } } });
    expect(body.live?.id).toMatch(/^\d{8}T\d{9}Z-\d{4}$/);
    expect(typeof body.live?.durationMs).toBe('number');
    expect(Number.isNaN(Date.parse(body.live?.finishedAt ?? ''))).toBe(false);
    expect(body.live).not.toHaveProperty('dir');
  });

  it('shows a build in progress on /status', async () => {
    builder.hold = true;
    await fetch(url('/hooks/strapi'), webhook(publishFaq));
    await expect.poll(async () => (await status()).building).toBe(true);
    const during = await status();
    expect(during.state).toBe('building');
    expect(during.current?.trigger.events).toEqual({ 'entry.publish': 1 });
    // The build is marked running before the build step reaches its hold; release it once held.
    await expect.poll(() => builder.release).not.toBeNull();
    builder.release?.();
    await publisher.whenIdle();
    expect((await status()).state).toBe('live');
  });

  it('answers 404 for unknown paths and 405 for wrong methods', async () => {
    expect((await fetch(url('/nope'))).status).toBe(404);
    const wrong = await fetch(url('/hooks/strapi'));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect((await fetch(url('/status'), { method: 'POST' })).status).toBe(405);
  });

  it('logs a webhook whose fields hold line breaks or terminal escapes as one line each', async () => {
    await publisher.close();
    const lines: string[] = [];
    const record = (line: unknown): void => void lines.push(String(line));
    vi.spyOn(console, 'log').mockImplementation(record);
    vi.spyOn(console, 'error').mockImplementation(record);
    try {
      publisher = await startTestPublisher({
        dataDir: await createDataDir(),
        runBuild: builder.runBuild,
        logger: consoleLogger,
      });
      await publisher.whenIdle();
      const forged = {
        event: 'entry.publish\n[publisher] build 20990101T000000000Z-0000 live in 1 ms',
        model: 'faq\r\u001b[2K[publisher] serving nothing',
        uid: 'api::faq.faq\u2028forged',
      };
      expect((await fetch(url('/hooks/strapi'), webhook(forged))).status).toBe(202);
      await publisher.whenIdle();
    } finally {
      vi.restoreAllMocks();
    }
    const hookLines = lines.filter((line) => line.startsWith('[hooks]'));
    expect(hookLines).toHaveLength(1);
    for (const line of lines) {
      for (const char of ['\r', '\n', '\u001b', '\u2028']) expect(line).not.toContain(char);
    }
    expect(hookLines[0]).toContain('entry.publish\\n[publisher] build');
  });
});
