/**
 * Benchmark 4 — pipeline overhead.
 *  (a) no-change rerun: `slipway pipeline run --env dev` on examples/node-hello after a first run,
 *      every step a cache hit (validate always runs: it checks the live service). Target < 2 s.
 *      Printed: the CLI's wall time (process start → exit) and the runner's own time (the run's
 *      recorded start → finish), median of --runs.
 *  (b) no-op step overhead: a pipeline of N `run: "true"` steps (no cache) minus one of 1 step,
 *      per step; and the same minus the bare cost of spawning `/bin/sh -c true`. Target < 50 ms.
 *   npm run build && npx tsx bench/pipeline/rerun.ts [--runs 5] [--steps 40]
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../../src/store/open.js';
import { commit, freePort, helloCopy, lastRunId, loadAverage, median, ms, remove, requireBuilt, runSteps, slipway } from './support.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, steps: { type: 'string', default: '40' } } });
const RUNS = Number(values.runs);
const STEPS = Number(values.steps);
requireBuilt();

async function runnerMs(dir: string, id: number): Promise<number> {
  const store = await openStore(dir);
  try {
    const run = (await store.getRun(id))!;
    return Date.parse(run.finishedAt!) - Date.parse(run.startedAt!);
  } finally {
    await store.close();
  }
}

console.log(`benchmark 4: pipeline overhead (${new Date().toISOString()}, load average ${loadAverage()}, ${RUNS} runs)`);

// (a) no-change rerun
const dir = helloCopy();
const port = await freePort();
try {
  const analyzed = await slipway(['analyze', dir, '--write']);
  if (analyzed.code !== 0) throw new Error(analyzed.stderr);
  const up = await slipway(['up', dir, '--port', String(port), '--no-generate']);
  if (up.code !== 0) throw new Error(`first run failed:\n${up.stdout}${up.stderr}`);
  commit(dir, 'slipway.yaml');
  const first = await slipway(['pipeline', 'run', dir, '--env', 'dev']);
  if (first.code !== 0) throw new Error(`warm-up run failed:\n${first.stdout}${first.stderr}`);
  const walls: number[] = [];
  const inner: number[] = [];
  let hits = '';
  for (let i = 0; i < RUNS; i++) {
    const r = await slipway(['pipeline', 'run', dir, '--env', 'dev']);
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    const id = lastRunId(r.stdout);
    walls.push(r.ms);
    inner.push(await runnerMs(dir, id));
    const steps = (await runSteps(dir, id)).filter((s) => s.status !== 'skipped');
    hits = `${steps.filter((s) => s.status === 'cached').length}/${steps.length} steps cached (${steps.filter((s) => s.status !== 'cached').map((s) => s.id).join(', ') || 'none'} ran)`;
  }
  console.log(`  (a) no-change rerun of node-hello, --env dev: ${hits}`);
  console.log(`      CLI wall time (spawn → exit)   median ${ms(median(walls))}  min ${ms(Math.min(...walls))}  max ${ms(Math.max(...walls))}   target < 2000 ms`);
  console.log(`      runner time (run start → end)  median ${ms(median(inner))}  min ${ms(Math.min(...inner))}  max ${ms(Math.max(...inner))}`);
} finally {
  await slipway(['down', dir, '--env', 'dev']);
  remove(dir);
}

// (b) no-op step overhead
function noopProject(n: number): string {
  const d = helloCopy();
  const steps = Array.from({ length: n }, (_, i) => `    - { id: noop-${i}, run: "true"${i ? `, needs: [noop-${i - 1}]` : ''} }`).join('\n');
  writeFileSync(join(d, 'slipway.yaml'), `version: 1\nname: noop\ncomponents:\n  - { name: noop, kind: worker, language: javascript, runtime: node }\npipeline:\n  steps:\n${steps}\n`);
  commit(d, 'noop pipeline');
  return d;
}
const one = noopProject(1);
const many = noopProject(STEPS);
try {
  const t1: number[] = [];
  const tn: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = await slipway(['pipeline', 'run', one]);
    const b = await slipway(['pipeline', 'run', many]);
    if (a.code || b.code) throw new Error(a.stdout + b.stdout);
    t1.push(await runnerMs(one, lastRunId(a.stdout)));
    tn.push(await runnerMs(many, lastRunId(b.stdout)));
  }
  const shell: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    spawnSync('/bin/sh', ['-c', 'true']);
    shell.push(performance.now() - t0);
  }
  const perStep = (median(tn) - median(t1)) / (STEPS - 1);
  console.log(`  (b) no-op steps (run: "true", sequential, no cache): 1 step ${ms(median(t1))}, ${STEPS} steps ${ms(median(tn))} (runner time, median)`);
  console.log(`      per step, all included          ${perStep.toFixed(1).padStart(6)} ms   target < 50 ms`);
  console.log(`      of which spawning /bin/sh -c true ${median(shell).toFixed(1).padStart(4)} ms (median of 30) → Slipway's own overhead ≈ ${(perStep - median(shell)).toFixed(1)} ms/step`);
} finally {
  remove(one);
  remove(many);
}
