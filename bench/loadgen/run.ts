import { availableParallelism, loadavg } from 'node:os';
import { compareTools } from './compare.js';
import { loadEngine } from './tools.js';
import { sizingFollowUp } from './sizing-followup.js';

// `npx tsx bench/loadgen/run.ts [compare|sizing]`: prints the figures; nothing is asserted.
const which = process.argv[2] ?? 'all';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const f = (n: number, d = 0): string => (Number.isFinite(n) ? n.toFixed(d) : '—');

console.log(`cores ${availableParallelism()}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (the machine is shared)`);

if (which === 'all' || which === 'compare') {
  console.log(`slipway generator from ${(await loadEngine()).from}`);
  for (const c of await compareTools(SECONDS, [1, 32])) {
    console.log(`\n## ${c.target}, ${SECONDS}s per run, one core per tool`);
    console.log('| connections | tool | req/s | × wrk | CPU µs/req | req/s per core (1e6/CPU) | × wrk | p50 ms | p99 ms | p50 − wrk p50 | errors |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of c.results) {
      const wrk = c.results.find((x) => x.tool === 'wrk' && x.connections === r.connections);
      const ratio = wrk ? r.rps / wrk.rps : Number.NaN;
      const perCore = 1e6 / r.cpuUsPerRequest;
      const coreRatio = wrk ? wrk.cpuUsPerRequest / r.cpuUsPerRequest : Number.NaN;
      const overhead = wrk ? `${f((r.p50 - wrk.p50) * 1000)} µs` : '—';
      console.log(`| ${r.connections} | ${r.tool} | ${f(r.rps)} | ${f(ratio, 2)} | ${f(r.cpuUsPerRequest, 1)} | ${f(perCore)} | ${f(coreRatio, 2)} | ${f(r.p50, 3)} | ${f(r.p99, 3)} | ${overhead} | ${r.errors} |`);
    }
  }
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
