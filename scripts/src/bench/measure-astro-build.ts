/**
 * Runs one Astro build of the site in this process and prints a JSON line with its wall
 * time and the process's peak memory. Forked by bench-site.ts so each build is measured
 * alone. Usage: tsx measure-astro-build.ts <outDir>  (cwd: the site workspace)
 */
import { build } from 'astro';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: measure-astro-build <outDir>');
const started = performance.now();
await build({ root: process.cwd(), outDir, logLevel: 'info' });
console.log(
  `BENCH_RESULT ${JSON.stringify({ ms: Math.round(performance.now() - started), maxRssKb: process.resourceUsage().maxRSS })}`,
);
