/**
 * Scheduled publishing against a real Strapi whose rebuild webhook reaches a real publisher (with
 * a stand-in build step). The scheduler's clock is driven by the test: the CMS sweeps every second
 * (SCHEDULED_ACTIONS_RULE) and actions are set a few seconds ahead, so nothing waits a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_NAMES } from '@clinic/cms/runtime-env';
import {
  adminLogin,
  contentManagerClient,
  freePort,
  startTestCms,
  type ContentManagerRequest,
  type TestCms,
} from '@clinic/testing/start-test-cms';
import { startCmsWithRecordingPublisher, type RecordingSystem } from '@clinic/testing/start-recording-publisher';
import { eventually } from '@clinic/testing/start-test-system';
import type { BuildTrigger } from '@clinic/shared-types';

const FAQ = 'api::faq.faq';
const EVERY_SECOND = '* * * * * *';
/** A rule that never fires while the test runs: only the start-up catch-up can run an action. */
const NEVER_DURING_TEST = '0 0 0 1 1 *';

interface PresentedAction {
  documentId: string;
  status: 'scheduled' | 'running' | 'done' | 'failed';
  failureReason: string | null;
  clinicTime: string;
  clinicTimeText: string;
  mode: 'publish' | 'unpublish';
}

interface FailedAction extends PresentedAction {
  targetLabel: string | null;
  editPath: string;
}

let cms: TestCms;
let system: RecordingSystem;
let jwt: string;
let contentManager: ContentManagerRequest;
let triggers: BuildTrigger[];
let hookLines: string[];

beforeAll(async () => {
  // The production quiet window: webhooks less than a second apart make one build.
  system = await startCmsWithRecordingPublisher({
    cmsEnv: { SCHEDULED_ACTIONS_RULE: EVERY_SECOND },
    quietMs: 1000,
    maxWaitMs: 10_000,
  });
  ({ cms, jwt, triggers, hookLines } = system);
  contentManager = contentManagerClient(cms, () => jwt);
}, 240_000);

afterAll(async () => {
  await system?.dispose();
});

async function adminApi(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${cms.url}/admin${path}`, {
    method,
    headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Runs a content-manager write and waits for the webhook it sends, which arrives after the response. */
async function withItsWebhook<T>(event: string, write: () => Promise<T>): Promise<T> {
  const before = hookLines.length;
  const result = await write();
  await eventually(
    () => hookLines.slice(before).some((line) => line.startsWith(`[hooks] ${event} `)),
    10_000,
    `the ${event} webhook`,
  );
  return result;
}

async function createDraftFaq(n: string, answer = `Scheduled answer ${n}.`): Promise<string> {
  const res = await withItsWebhook('entry.create', () =>
    contentManager('POST', `/collection-types/${FAQ}`, {
      question: `Scheduled question ${n}?`,
      slug: `scheduled-question-${n}`,
      answer,
      topic: 'after-treatment',
      order: 9000,
    }),
  );
  const body = (await res.json()) as { data: { documentId: string } };
  return body.data.documentId;
}

/** Schedules `mode` in `inMs` from now, or at a given time. */
async function schedule(
  documentId: string,
  mode: 'publish' | 'unpublish',
  inMsOrAt: number | Date,
): Promise<PresentedAction> {
  const executeAt = inMsOrAt instanceof Date ? inMsOrAt : new Date(Date.now() + inMsOrAt);
  const res = await adminApi('POST', '/scheduling/actions', {
    targetUid: FAQ,
    targetDocumentId: documentId,
    mode,
    executeAt: executeAt.toISOString(),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { data: PresentedAction }).data;
}

async function actionsOf(documentId: string): Promise<PresentedAction[]> {
  const res = await adminApi('GET', `/scheduling/actions?targetUid=${FAQ}&targetDocumentId=${documentId}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: PresentedAction[] }).data;
}

async function statusOf(action: PresentedAction, documentId: string): Promise<PresentedAction['status'] | 'gone'> {
  return (await actionsOf(documentId)).find((a) => a.documentId === action.documentId)?.status ?? 'gone';
}

/** The FAQ as the site reads it (published only, read token); null when not live. */
async function liveFaq(slug: string): Promise<{ answer: string } | null> {
  const res = await fetch(`${cms.url}/api/faqs?filters[slug][$eq]=${slug}`, {
    headers: { Authorization: `Bearer ${cms.token}` },
  });
  const body = (await res.json()) as { data: { answer: string }[] };
  return body.data[0] ?? null;
}

/** Waits for `hooks` webhooks after `action`, lets the publisher settle, returns the builds it made. */
async function buildsAfter(action: () => Promise<void>, hooks: number): Promise<BuildTrigger[]> {
  const hooksBefore = hookLines.length;
  const buildsBefore = triggers.length;
  await action();
  await eventually(() => hookLines.length >= hooksBefore + hooks, 60_000, `${hooks} webhook(s)`);
  await new Promise((r) => setTimeout(r, 1500));
  await system.publisher.whenIdle();
  return triggers.slice(buildsBefore);
}

describe('scheduled publishing', () => {
  it('publishes a draft at its time with the same webhook as a click, then unpublishes it at its time', async () => {
    const id = await createDraftFaq('001');
    expect(await liveFaq('scheduled-question-001')).toBeNull();

    const published = await buildsAfter(async () => {
      const action = await schedule(id, 'publish', 2000);
      expect(action.status).toBe('scheduled');
      expect(action.clinicTimeText).toMatch(/P[SD]T$/);
      await eventually(async () => (await statusOf(action, id)) === 'done', 30_000, 'the scheduled publish');
    }, 1);
    expect(await liveFaq('scheduled-question-001')).toMatchObject({ answer: 'Scheduled answer 001.' });
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ events: { 'entry.publish': 1 }, models: ['faq'] });

    const unpublished = await buildsAfter(async () => {
      const action = await schedule(id, 'unpublish', 2000);
      await eventually(async () => (await statusOf(action, id)) === 'done', 30_000, 'the scheduled unpublish');
    }, 1);
    expect(await liveFaq('scheduled-question-001')).toBeNull();
    expect(unpublished.map((b) => b.events)).toEqual([{ 'entry.unpublish': 1 }]);
  });

  it('makes one build for two publishes due in the same minute', async () => {
    const first = await createDraftFaq('002');
    const second = await createDraftFaq('003');
    const builds = await buildsAfter(async () => {
      // The same time for both: scheduled one after the other on a busy machine, "in 3 s" can
      // differ by more than the publisher's debounce.
      const at = new Date(Date.now() + 3000);
      const a = await schedule(first, 'publish', at);
      const b = await schedule(second, 'publish', at);
      await eventually(
        async () => (await statusOf(a, first)) === 'done' && (await statusOf(b, second)) === 'done',
        30_000,
        'both scheduled publishes',
      );
    }, 2);
    expect(builds).toHaveLength(1);
    expect(builds[0]?.events).toEqual({ 'entry.publish': 2 });
    expect(await liveFaq('scheduled-question-002')).not.toBeNull();
    expect(await liveFaq('scheduled-question-003')).not.toBeNull();
  });

  it('does nothing once cancelled', async () => {
    const id = await createDraftFaq('004');
    const action = await schedule(id, 'publish', 3000);
    const res = await adminApi('DELETE', `/scheduling/actions/${action.documentId}`);
    expect(res.status).toBe(200);
    const hooksBefore = hookLines.length;
    await new Promise((r) => setTimeout(r, 5000));
    expect(await actionsOf(id)).toEqual([]);
    expect(await liveFaq('scheduled-question-004')).toBeNull();
    expect(hookLines.slice(hooksBefore)).toEqual([]);
  });

  it('keeps a publish whose draft does not validate as failed, with the field, and leaves the live version', async () => {
    const id = await createDraftFaq('005', 'The answer that is live.');
    await contentManager('POST', `/collection-types/${FAQ}/${id}/actions/publish`, {});
    await eventually(async () => (await liveFaq('scheduled-question-005')) !== null, 10_000, 'the manual publish');
    // Drafts may be incomplete; publishing one may not.
    // The save's own webhook (which the publisher ignores) is not the run's.
    await withItsWebhook('entry.update', () =>
      contentManager('PUT', `/collection-types/${FAQ}/${id}`, { answer: null }),
    );

    const hooksBefore = hookLines.length;
    const action = await schedule(id, 'publish', 2000);
    await eventually(async () => (await statusOf(action, id)) !== 'scheduled', 30_000, 'the scheduled run');
    expect(await statusOf(action, id)).toBe('failed');
    const [failed] = (await actionsOf(id)).filter((a) => a.documentId === action.documentId);
    expect(failed?.failureReason).toMatch(/^Answer is required: fill it in\./);
    expect(await liveFaq('scheduled-question-005')).toMatchObject({ answer: 'The answer that is live.' });
    expect(cms.output()).toMatch(
      /Scheduling: the scheduled publish of api::faq\.faq \S+ "Scheduled question 005\?".*failed/,
    );

    // The admin's list of everything pending shows it too.
    const all = await adminApi('GET', '/scheduling/actions');
    const listed = ((await all.json()) as { data: PresentedAction[] }).data;
    expect(listed.find((a) => a.documentId === action.documentId)?.status).toBe('failed');
    // And the home page widget's list of failures, with the way to the entry.
    const failures = await adminApi('GET', '/scheduling/failures');
    expect(failures.status).toBe(200);
    expect(((await failures.json()) as { data: FailedAction[] }).data).toContainEqual(
      expect.objectContaining({
        documentId: action.documentId,
        targetLabel: 'Scheduled question 005?',
        failureReason: expect.stringMatching(/^Answer is required/) as unknown,
        editPath: `/content-manager/collection-types/${FAQ}/${id}`,
      }),
    );
    expect((await fetch(`${cms.url}/admin/scheduling/failures`)).status).toBe(401);
    // The manual publish above sent one webhook; the failed run sent none.
    await new Promise((r) => setTimeout(r, 1000));
    expect(hookLines.slice(hooksBefore)).toEqual([]);
  });

  it('refuses a time that has passed and an entry that does not exist, saying which', async () => {
    const id = await createDraftFaq('006');
    const past = await adminApi('POST', '/scheduling/actions', {
      targetUid: FAQ,
      targetDocumentId: id,
      mode: 'publish',
      clinicTime: '2026-03-08T02:30',
    });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain('has already passed');
    const missing = await adminApi('POST', '/scheduling/actions', {
      targetUid: FAQ,
      targetDocumentId: 'no-such-document',
      mode: 'publish',
      executeAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(missing.status).toBe(404);
    const anonymous = await fetch(`${cms.url}/admin/scheduling/actions`);
    expect(anonymous.status).toBe(401);
  });

  it('runs a publish that fell due while the CMS was down at the next start, and only where CRON_ENABLED', async () => {
    const id = await createDraftFaq('007');
    const action = await schedule(id, 'publish', 4000);
    await cms.stop();
    await new Promise((r) => setTimeout(r, 5000));

    // A replica without cron leaves it for the one with cron.
    cms.env.CRON_ENABLED = 'false';
    await cms.restart();
    jwt = await adminLogin(cms);
    await new Promise((r) => setTimeout(r, 2000));
    expect(await statusOf(action, id)).toBe('scheduled');
    expect(await liveFaq('scheduled-question-007')).toBeNull();

    // The replica with cron runs it at start-up, not at its next sweep.
    cms.env.CRON_ENABLED = 'true';
    cms.env.SCHEDULED_ACTIONS_RULE = NEVER_DURING_TEST;
    const builds = await buildsAfter(async () => {
      await cms.restart();
      jwt = await adminLogin(cms);
      await eventually(async () => (await statusOf(action, id)) === 'done', 20_000, 'the catch-up run');
    }, 1);
    expect(await liveFaq('scheduled-question-007')).not.toBeNull();
    expect(builds.map((b) => b.events)).toEqual([{ 'entry.publish': 1 }]);
  }, 180_000);
});

/**
 * The claim and the due-action query on Postgres, the production database, with two replicas
 * that both run cron and sweep the same database every second: each due action runs once.
 * No publisher: the webhooks go to a port nobody listens on (what builds is proven above).
 */
describe('scheduled actions on Postgres with two replicas sweeping', () => {
  let first: TestCms;
  let second: TestCms | undefined;
  let pgJwt: string;

  beforeAll(async () => {
    const env = {
      SCHEDULED_ACTIONS_RULE: EVERY_SECOND,
      PUBLISHER_PORT: String(await freePort()),
      // FAQs need no seeded content, and an unseeded CMS starts in half the time.
      SEED_ON_EMPTY: 'false',
    };
    first = await startTestCms(env, { database: 'postgres' });
    // The second replica shares the database and the secrets, as replicas behind one address do.
    const shared = Object.fromEntries(SECRET_NAMES.map((name) => [name, first.env[name]]));
    second = await startTestCms({ ...env, ...shared, DATABASE_URL: first.databaseUrl });
    pgJwt = await adminLogin(first);
  }, 240_000);

  afterAll(async () => {
    await second?.dispose();
    await first?.dispose();
  });

  it('runs each action due in the same second exactly once, and keeps the one that fails as failed', async () => {
    const contentManager = contentManagerClient(first, () => pgJwt);
    const createFaq = async (n: string, { valid }: { valid: boolean }) => {
      const res = await contentManager('POST', `/collection-types/${FAQ}`, {
        question: `Replica question ${n}?`,
        slug: `replica-question-${n}`,
        answer: 'An answer.',
        topic: 'after-treatment',
        order: 9000,
      });
      const { documentId } = ((await res.json()) as { data: { documentId: string } }).data;
      // Drafts may be incomplete; publishing one may not.
      if (!valid) await contentManager('PUT', `/collection-types/${FAQ}/${documentId}`, { answer: null });
      return documentId;
    };
    const ids = [];
    for (const n of ['1', '2', '3']) ids.push(await createFaq(n, { valid: true }));
    const invalid = await createFaq('4', { valid: false });
    const executeAt = new Date(Date.now() + 3000).toISOString();
    const api = (cms: TestCms, method: string, path: string, body?: unknown) =>
      fetch(`${cms.url}/admin${path}`, {
        method,
        headers: { Authorization: `Bearer ${pgJwt}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    for (const targetDocumentId of [...ids, invalid]) {
      const res = await api(first, 'POST', '/scheduling/actions', {
        targetUid: FAQ,
        targetDocumentId,
        mode: 'publish',
        executeAt,
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const pending = async () => {
      const res = await api(second!, 'GET', '/scheduling/actions');
      return ((await res.json()) as { data: PresentedAction[] }).data.filter((a) => a.status !== 'failed').length;
    };
    await eventually(async () => (await pending()) === 0, 30_000, 'every action to run');

    const logs = first.output() + second!.output();
    for (const id of ids) {
      expect(logs.split(`Scheduling: ran the scheduled publish of ${FAQ} ${id} `).length - 1, id).toBe(1);
      const live = await fetch(`${first.url}/api/faqs?filters[documentId][$eq]=${id}`, {
        headers: { Authorization: `Bearer ${first.token}` },
      });
      expect(((await live.json()) as { data: unknown[] }).data, id).toHaveLength(1);
    }
    expect(logs.split(`Scheduling: the scheduled publish of ${FAQ} ${invalid} `).length - 1).toBe(1);
    const failures = await api(second!, 'GET', '/scheduling/failures');
    expect(((await failures.json()) as { data: FailedAction[] }).data).toEqual([
      expect.objectContaining({ targetDocumentId: invalid, status: 'failed', targetLabel: 'Replica question 4?' }),
    ]);
  });
});
