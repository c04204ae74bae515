/**
 * Correctness of the fast publish path: a seeded, reproducible random sequence of FAQ publishes,
 * unpublishes, deletes and creates against a real CMS and publisher; after each round's builds,
 * the live build must be byte-identical to a full build from scratch (a fresh worker with an
 * empty cache) of the same content. `EQUIVALENCE_SEED` and `EQUIVALENCE_ROUNDS` replay or
 * lengthen a run; a failure prints the seed and the operations that led to it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { eventually, startTestSystem, type TestSystem } from '@clinic/testing/start-test-system';
import { createWarmAstroBuildRunner } from '../src/publisher/build/warm-astro-build.ts';
import { compareBuilds } from './compare-builds.ts';

const SEED = Number(process.env.EQUIVALENCE_SEED ?? 19);
// Four rounds keep the file near 3 minutes on a busy two-core machine (a cold full build each).
const ROUNDS = Number(process.env.EQUIVALENCE_ROUNDS ?? 4);
const FAQ = 'api::faq.faq';
const CONDITION = 'api::condition.condition';
const FACILITY = 'api::facility.facility';
const siteDir = fileURLToPath(new URL('../../site/', import.meta.url));

/** mulberry32: a tiny seeded generator, so a failing sequence can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Faq {
  documentId: string;
  published: boolean;
}

let system: TestSystem;
const log: string[] = [];

beforeAll(async () => {
  // A short quiet window keeps the rounds quick; the policy is the same.
  system = await startTestSystem({ quietMs: '300' });
  await eventually(async () => (await system.status()).live !== null, 180_000, 'the first build to go live');
}, 240_000);
afterAll(async () => {
  await system?.stop();
});

describe('publish equivalence', () => {
  it(`keeps the live site byte-identical to a full build from scratch (seed ${SEED}, ${ROUNDS} rounds)`, async () => {
    onTestFailed(() => {
      console.error(`seed ${SEED}; operations:\n${log.join('\n')}`);
      console.error(`publisher output (tail):\n${system.publisherOutput().slice(-6000)}`);
    });
    const random = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const admin = system.contentManager;
    const list = (await (await admin('GET', `/collection-types/${FAQ}?pageSize=100&sort=id:asc`)).json()) as {
      results: { documentId: string; publishedAt: string | null; status?: string }[];
    };
    const faqs: Faq[] = list.results.map((r) => ({
      documentId: r.documentId,
      published: r.status ? r.status !== 'draft' : r.publishedAt !== null,
    }));
    let created = 0;
    const conditionList = (await (
      await admin('GET', `/collection-types/${CONDITION}?pageSize=100&sort=id:asc`)
    ).json()) as { results: { documentId: string; name: string }[] };
    const conditions = conditionList.results.map(({ documentId, name }) => ({ documentId, name }));

    const operations = {
      async publish(): Promise<string> {
        const faq = pick(faqs);
        const marker = `EQ-${SEED}-${log.length}`;
        await admin('PUT', `/collection-types/${FAQ}/${faq.documentId}`, { answer: `Answer ${marker}, **edited**.` });
        await admin('POST', `/collection-types/${FAQ}/${faq.documentId}/actions/publish`, {});
        faq.published = true;
        return `publish ${faq.documentId} (${marker})`;
      },
      async unpublish(): Promise<string> {
        const published = faqs.filter((faq) => faq.published);
        if (published.length <= 3) return operations.publish();
        const faq = pick(published);
        await admin('POST', `/collection-types/${FAQ}/${faq.documentId}/actions/unpublish`, {});
        faq.published = false;
        return `unpublish ${faq.documentId}`;
      },
      async delete(): Promise<string> {
        if (faqs.length <= 4) return operations.create();
        const faq = pick(faqs);
        await admin('DELETE', `/collection-types/${FAQ}/${faq.documentId}`);
        faqs.splice(faqs.indexOf(faq), 1);
        return `delete ${faq.documentId}`;
      },
      async create(): Promise<string> {
        created += 1;
        const slug = `equivalence-${SEED}-${created}`;
        const res = await admin('POST', `/collection-types/${FAQ}/actions/publish`, {
          question: `Equivalence question ${created}: what should I bring?`,
          slug,
          answer: `Equivalence answer ${created}. See [the programs](/programs/).`,
          topic: pick(['about-iop', 'getting-started', 'after-treatment']),
          order: 5000 + created,
        });
        const body = (await res.json()) as { data: { documentId: string } };
        faqs.push({ documentId: body.data.documentId, published: true });
        return `create ${slug}`;
      },
      // Content every page shows (navigation, footer, JSON-LD), so a re-render that reuses the
      // pages whose content did not change must see it as changed everywhere it shows.
      async renameCondition(): Promise<string> {
        const condition = pick(conditions);
        const name = `${condition.name} EQ-${SEED}-${log.length}`;
        await admin('PUT', `/collection-types/${CONDITION}/${condition.documentId}`, { name });
        await admin('POST', `/collection-types/${CONDITION}/${condition.documentId}/actions/publish`, {});
        return `rename condition ${condition.documentId} to ${name}`;
      },
      async editFacility(): Promise<string> {
        const email = `admissions+eq${SEED}-${log.length}@example.org`;
        await admin('PUT', `/single-types/${FACILITY}`, { email });
        await admin('POST', `/single-types/${FACILITY}/actions/publish`, {});
        return `facility email ${email}`;
      },
    };
    const kinds = Object.keys(operations) as Array<keyof typeof operations>;

    for (let round = 1; round <= ROUNDS; round += 1) {
      // 1 to 3 events a round: some rounds coalesce several into one build.
      const count = 1 + Math.floor(random() * 3);
      for (let i = 0; i < count; i += 1) log.push(`round ${round}: ${await operations[pick(kinds)]()}`);
      const after = Date.now();
      // Strapi sends its webhooks within milliseconds of the answer; let them land.
      await new Promise((r) => setTimeout(r, 500));
      await eventually(
        async () => {
          const status = await system.status();
          return (
            !status.building && !status.queued && status.live !== null && Date.parse(status.live.finishedAt) > after
          );
        },
        90_000,
        `round ${round}'s build`,
      );
      expect((await system.status()).state).toBe('live');

      const workDir = await mkdtemp(join(tmpdir(), 'equivalence-work-'));
      const outDir = await mkdtemp(join(tmpdir(), 'equivalence-out-'));
      const { REBUILD_SECRET: _secret, ...cmsEnv } = system.cms.env;
      const runBuild = createWarmAstroBuildRunner({
        siteDir,
        workDir,
        env: {
          ...process.env,
          ...cmsEnv,
          CMS_URL: system.cms.url,
          CMS_TOKEN: system.cms.token,
          SITE_URL: system.siteUrl,
          ASTRO_TELEMETRY_DISABLED: '1',
        },
      });
      const output: string[] = [];
      try {
        await runBuild({
          id: `reference-${round}`,
          outDir,
          signal: new AbortController().signal,
          log: (l) => output.push(l),
        }).catch((error: unknown) => {
          throw new Error(`the full build of round ${round} failed: ${String(error)}\n${output.slice(-20).join('\n')}`);
        });
        const liveDir = resolve(system.cms.dataDir, 'builds', 'current');
        expect(await compareBuilds(liveDir, outDir), `round ${round}`).toBeNull();
      } finally {
        runBuild.close();
        await Promise.all([
          rm(workDir, { recursive: true, force: true }),
          rm(outDir, { recursive: true, force: true }),
        ]);
      }
    }
    // The rounds went through re-renders that reused unchanged pages (see site/src/lib/page-memo.ts),
    // so what they compared includes pages served from the memo.
    const reusedPages = [...system.publisherOutput().matchAll(/\[pages\] \d+ rendered, (\d+) unchanged/g)].map(
      (match) => Number(match[1]),
    );
    expect(reusedPages.some((count) => count > 0)).toBe(true);
    console.info(
      `publish equivalence, seed ${SEED}:\n${log.join('\n')}\npages reused per re-render: ${reusedPages.join(', ')}`,
    );
  }, 300_000);
});
