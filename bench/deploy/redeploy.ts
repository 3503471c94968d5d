/**
 * Benchmark 1 — zero-downtime redeploy: a fixed request rate through Slipway's proxy while
 * node-hello is redeployed 10 times in a row (blue/green, 30 s drain, no bake). Prints failed
 * requests and latency percentiles overall and within ±250 ms of each switch.
 *   npx tsx bench/deploy/redeploy.ts [--rate 300] [--redeploys 10]
 */
import { parseArgs } from 'node:util';
import { benchProject, fixedRateLoad, fmt, percentile } from './support.js';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '300' }, redeploys: { type: 'string', default: '10' } } });
const rate = Number(values.rate);
const n = Number(values.redeploys);
const p = await benchProject();
try {
  const first = await p.deploy(p.bundle('good', 'v0'));
  if (!first.ok) throw new Error(`first deploy failed: ${first.error}`);
  const load = fixedRateLoad(p.url, rate);
  await new Promise((r) => setTimeout(r, 2_000));
  const durations: number[] = [];
  for (let i = 1; i <= n; i++) {
    const o = await p.deploy(p.bundle('good', `v${i}`));
    if (!o.ok) throw new Error(`redeploy ${i} failed: ${o.error}`);
    durations.push(o.durationMs);
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 1_000));
  await load.stop();
  const non2xx = load.samples.filter((s) => s.status < 200 || s.status >= 300).length;
  const near = load.samples.filter((s) => p.switches.some((t) => Math.abs(s.at - t) <= 250));
  console.log(`benchmark 1: zero-downtime redeploy (node-hello, ${rate} req/s fixed rate, ${n} redeploys, ${new Date().toISOString()})`);
  console.log(`  requests            ${load.samples.length + load.errors.length}`);
  console.log(`  failed requests     ${non2xx + load.errors.length} (non-2xx ${non2xx}, connection errors ${load.errors.length})`);
  console.log(`  latency overall     p50 ${fmt(percentile(load.samples.map((s) => s.ms), 50))}  p99 ${fmt(percentile(load.samples.map((s) => s.ms), 99))}  max ${fmt(Math.max(...load.samples.map((s) => s.ms)))}`);
  console.log(`  latency at switches p50 ${fmt(percentile(near.map((s) => s.ms), 50))}  p99 ${fmt(percentile(near.map((s) => s.ms), 99))}  (${near.length} requests within ±250 ms of the ${p.switches.length} switches)`);
  console.log(`  redeploy duration   median ${fmt(percentile(durations, 50))}  max ${fmt(Math.max(...durations))}`);
  if (non2xx + load.errors.length > 0) process.exitCode = 1;
} finally {
  await p.cleanup();
}
