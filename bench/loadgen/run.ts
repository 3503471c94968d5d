import { availableParallelism, loadavg } from 'node:os';
import { compareTools } from './compare.js';
import { defaultEngineDir } from './engine.js';
import { choosePinning } from './pinning.js';
import { sizingFollowUp } from './sizing-followup.js';
import { loadTools } from './tools.js';

// `npx tsx bench/loadgen/run.ts [compare|sizing]`: prints the figures; nothing is asserted.
// BENCH_SECONDS (5), BENCH_REPEATS (3), BENCH_CONNECTIONS ("1,32"), BENCH_PIN=0 (no taskset),
// BENCH_BASELINE=<another build's dist/ directory> (adds "slipway (baseline)" rows).
const which = process.argv[2] ?? 'all';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,32').split(',').map(Number);
const f = (n: number, d = 0): string => (Number.isFinite(n) ? n.toFixed(d) : '—');
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');

console.log(`cores ${availableParallelism()}, load average ${load()} (the machine is shared)`);

if (which === 'all' || which === 'compare') {
  const engine = defaultEngineDir();
  const engines = [{ name: 'slipway', dir: engine.dir }];
  if (process.env.BENCH_BASELINE) engines.push({ name: 'slipway (baseline)', dir: `${process.env.BENCH_BASELINE.replace(/\/$/, '')}/loadtest` });
  const pin = choosePinning();
  console.log(`slipway generator from ${engine.from}${process.env.BENCH_BASELINE ? `; baseline from ${process.env.BENCH_BASELINE}` : ''}`);
  console.log(`${pin.describe}; ${SECONDS}s per run, ${REPEATS} rounds (every tool once per round, rotating order); medians, and ratios to wrk within a round`);
  const comparisons = await compareTools({ seconds: SECONDS, connectionCounts: CONNECTIONS, repeats: REPEATS, pin, tools: loadTools(pin, engines) });
  for (const c of comparisons) {
    console.log(`\n## ${c.target}`);
    console.log('| connections | tool | req/s | × wrk | CPU µs/req | req/s per core (1e6/CPU) | × wrk per core | p50 ms | p99 ms | p50 − wrk p50 | errors | req/s of each round |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const s of c.summaries) {
      const r = s.median;
      const wrk = c.summaries.find((x) => x.tool === 'wrk' && x.connections === s.connections)?.median;
      // autocannon reports latency in whole milliseconds: no overhead to read from it.
      const overhead = s.tool === 'autocannon' ? 'whole ms' : wrk ? `${f((r.p50 - wrk.p50) * 1000)} µs` : '—';
      console.log(
        `| ${s.connections} | ${s.tool} | ${f(r.rps)} | ${f(s.rpsVsWrk, 2)} | ${f(r.cpuUsPerRequest, 1)} | ${f(1e6 / r.cpuUsPerRequest)} | ${f(s.perCoreVsWrk, 2)} | ${f(r.p50, 3)} | ${f(r.p99, 3)} | ${overhead} | ${f(r.errors)} | ${s.rpsEach.map((x) => f(x)).join(' ')} |`,
      );
    }
  }
  console.log(`\nload average after: ${load()}`);
}

if (which === 'all' || which === 'sizing') {
  const target = Number(process.env.BENCH_TARGET_RPS ?? 400);
  const fu = await sizingFollowUp(target, Number(process.env.BENCH_SIZING_SECONDS ?? 20));
  const line = (label: string, r: typeof fu.oneReplica): string =>
    `| ${label} | ${r.totals.rps} | ${r.totals.latency.p50} | ${r.totals.latency.p99} | ${(r.totals.errorRatio * 100).toFixed(2)}% | ${r.slo.passed ? 'held' : 'broken'} |`;
  console.log(`\n## sizing follow-up: target ${target} req/s, SLO ${fu.slo}, through the local deploy target's proxy`);
  const k = fu.stress.stress?.knee;
  console.log(`knee of one replica: ${k?.kneeRps ?? '—'} req/s (breaks at ${k?.breakingRps ?? '—'}); recommended replicas ${fu.replicas}`);
  for (const l of fu.stress.sizing?.explanation ?? []) console.log(`  ${l}`);
  console.log(`slipway.yaml after --apply:\n${fu.slipwayYamlScale}`);
  console.log('| run | req/s | p50 ms | p99 ms | errors | SLO |');
  console.log('|---|---|---|---|---|---|');
  console.log(line(`1 replica at ${target}/s`, fu.oneReplica));
  console.log(line(`${fu.replicas} replicas at ${target}/s`, fu.atRecommended));
}
