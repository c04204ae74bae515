/**
 * `npm run bench:form`: accepted call-back submissions per second and latency on a
 * real CMS (SQLite, temp DATA_DIR) with the rate limit off. Targets: >= 200/s, p95 < 50 ms.
 */
import { startTestCms } from '@clinic/testing/start-test-cms';
import { ms, percentile } from './stats.ts';

const TOTAL = Number(process.env.BENCH_FORM_TOTAL ?? 2000);
/** Visitors posting at the same moment; each level is measured in turn. */
const CONCURRENCY_LEVELS = (process.env.BENCH_FORM_CONCURRENCY ?? '1,4,10').split(',').map(Number);
// Production-like logging: warnings and errors, no line per request (see cms/config/logger.ts).
const LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';

async function main(): Promise<void> {
  console.log(`[bench:form] starting a CMS on a temp SQLite database (rate limit off, LOG_LEVEL=${LOG_LEVEL})...`);
  const cms = await startTestCms({ CALL_REQUEST_RATE_LIMIT: '0', LOG_LEVEL });
  try {
    const body = (i: number) =>
      JSON.stringify({
        name: 'Bench Visitor',
        phone: `+1949555${String(i % 10_000).padStart(4, '0')}`,
        preferredTime: 'morning',
        consent: true,
        consentVersion: '2026-11',
        sourcePage: '/contact/',
      });
    const post = (i: number) =>
      fetch(`${cms.url}/api/call-requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body(i),
      });
    // Warm up connections and Strapi's code paths.
    await Promise.all(Array.from({ length: 20 }, (_, i) => post(i).then((r) => r.arrayBuffer())));

    for (const concurrency of CONCURRENCY_LEVELS) {
      const latencies: number[] = [];
      let accepted = 0;
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < TOTAL) {
            const i = next++;
            const t0 = performance.now();
            const res = await post(i);
            await res.arrayBuffer();
            latencies.push(performance.now() - t0);
            if (res.status === 201) accepted += 1;
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      console.log(
        `[bench:form] concurrency ${String(concurrency).padStart(2)}: ${accepted}/${TOTAL} accepted in ${elapsed.toFixed(2)} s = ${(accepted / elapsed).toFixed(0)}/s; ` +
          `latency p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}`,
      );
      if (accepted !== TOTAL) process.exitCode = 1;
    }
  } finally {
    await cms.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
