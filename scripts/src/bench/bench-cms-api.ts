/**
 * `npm run bench:cms-api`: requests per second and latency of the site build's own API
 * queries (the URLs its loader sends: explicit populate, published only, 100 per page)
 * against a real seeded CMS with the read token, on SQLite and then, when
 * TEST_DATABASE_URL is set, on Postgres. Load from autocannon.
 *
 * BENCH_DURATION_S (10) per query, BENCH_CONNECTIONS (10) at once, BENCH_FAQS (0): FAQs to
 * add through the admin API before measuring, to see a full page of 100.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { contentTypes } from '@clinic/shared-types';
import { ensureServerCompiled } from '@clinic/cms/build-state';
import { adminLogin, startTestCms, type TestCms } from '@clinic/testing/start-test-cms';
import type { TestDatabase } from '@clinic/testing/test-database';
import { buildRequestUrl } from '@clinic/site/strapi-client';
import { ms, s } from './stats.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const EXTRA_FAQS = Number(process.env.BENCH_FAQS ?? 0);
const QUERIES = ['program-levels', 'faqs'] as const;

const autocannonCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('autocannon/package.json')),
  'autocannon.js',
);

/** The part of autocannon's `--json` report printed here. */
const reportSchema = z.object({
  errors: z.number(),
  timeouts: z.number(),
  non2xx: z.number(),
  latency: z.object({ p50: z.number(), p97_5: z.number(), p99: z.number(), max: z.number() }),
  requests: z.object({ average: z.number(), total: z.number() }),
});
type Report = z.infer<typeof reportSchema>;

/** Runs autocannon's CLI (the package ships no types) and parses its JSON report. */
async function autocannon(url: string, token: string): Promise<Report> {
  const args = [autocannonCli, '--json', '-d', String(DURATION_S), '-c', String(CONNECTIONS)];
  const child = spawn(process.execPath, [...args, '-H', `Authorization=Bearer ${token}`, url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  return reportSchema.parse(JSON.parse(stdout));
}

/** Publishes `count` more FAQs through the admin API, a few at a time. */
async function addFaqs(cms: TestCms, count: number): Promise<void> {
  const jwt = await adminLogin(cms);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(`${cms.url}/content-manager/collection-types/api::faq.faq/actions/publish`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          question: `Benchmark question number ${i}: how long does it take?`,
          slug: `benchmark-question-${i}`,
          answer: `A benchmark answer of realistic length. `.repeat(12),
          topic: 'getting-started',
          order: 1000 + i,
        }),
      });
      if (!res.ok) throw new Error(`adding FAQ ${i}: ${res.status} ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** Warms up Strapi's code paths and the database's caches before a measured run. */
async function warmUp(url: string, token: string): Promise<void> {
  await Promise.all(
    Array.from({ length: 20 }, () =>
      fetch(url, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.arrayBuffer()),
    ),
  );
}

async function benchDatabase(database: TestDatabase): Promise<void> {
  const label = `[bench:cms-api] ${database.padEnd(8)}`;
  const started = performance.now();
  // Production-like logging (no line per request); no cron during the run.
  const cms = await startTestCms({ LOG_LEVEL: 'warn', CRON_ENABLED: 'false' }, { database });
  try {
    console.log(`${label} CMS seeded and healthy in ${s(performance.now() - started)}`);
    if (EXTRA_FAQS > 0) {
      const t0 = performance.now();
      await addFaqs(cms, EXTRA_FAQS);
      console.log(`${label} published ${EXTRA_FAQS} more FAQs in ${s(performance.now() - t0)}`);
    }
    for (const key of QUERIES) {
      const url = buildRequestUrl(cms.url, key, contentTypes[key].populate, { page: 1, pageSize: 100 }).toString();
      const probe = await fetch(url, { headers: { Authorization: `Bearer ${cms.token}` } });
      const body = await probe.text();
      if (probe.status !== 200) throw new Error(`GET ${url}: ${probe.status} ${body.slice(0, 300)}`);
      const entries = (JSON.parse(body) as { data: unknown[] }).data.length;
      await warmUp(url, cms.token);
      const r = await autocannon(url, cms.token);
      console.log(
        `${label} ${key.padEnd(15)} page of ${String(entries).padStart(3)} (${(body.length / 1024).toFixed(0)} KB): ` +
          `${r.requests.average.toFixed(0)} req/s; latency p50 ${ms(r.latency.p50)}, p97.5 ${ms(r.latency.p97_5)}, ` +
          `p99 ${ms(r.latency.p99)}, max ${ms(r.latency.max)}; ${r.requests.total} requests, ` +
          `${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`,
      );
      if (r.errors > 0 || r.non2xx > 0) process.exitCode = 1;
    }
  } finally {
    await cms.dispose();
  }
}

async function main(): Promise<void> {
  const cmsDir = fileURLToPath(new URL('../../../cms/', import.meta.url));
  ensureServerCompiled(cmsDir, (c, a) => spawnSync(c, a, { cwd: cmsDir, stdio: 'inherit' }).status ?? 1);
  const databases: TestDatabase[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  if (databases.length === 1) console.log('[bench:cms-api] TEST_DATABASE_URL is not set: SQLite only.');
  // The load tool shares the machine with Strapi (and the database): say how busy it was.
  const load = () => os.loadavg()[0]!.toFixed(1);
  console.log(
    `[bench:cms-api] ${DURATION_S} s per query, ${CONNECTIONS} connections, node ${process.version}, ` +
      `${os.cpus().length} CPUs, load average ${load()}`,
  );
  for (const database of databases) await benchDatabase(database);
  console.log(`[bench:cms-api] load average at the end: ${load()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
