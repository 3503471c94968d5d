/**
 * Benchmark 3 (pipeline half) — `slipway up` of examples/node-hello, as the README says:
 *   cold: a fresh copy, no slipway.yaml, empty cache → analyze, generate, install, test, gate,
 *         deploy to dev, validate; wall time and where it went (per step).
 *   warm redeploy: a one-line source change, `slipway up` again → the deploy step's time and
 *         the whole command's, beside the app's own boot time (spawn → /healthz 200).
 *         Target: redeploy within 1 s of the boot time.
 *   npm run build && npx tsx bench/pipeline/up.ts [--runs 3] [--no-generate]
 * (bench/deploy/warm-redeploy.ts measures the same redeploy at the deploy-target level.)
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, helloCopy, lastRunId, loadAverage, median, ms, NODE_HELLO, remove, requireBuilt, runSteps, slipway } from './support.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'no-generate': { type: 'boolean', default: false } } });
const RUNS = Number(values.runs);
const upFlags = values['no-generate'] ? ['--no-generate'] : [];
requireBuilt();

async function bootMs(): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(NODE_HELLO, 'src', 'server.js')], { env: { PATH: process.env.PATH ?? '', PORT: String(port) }, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
  }
}

function stepLine(steps: Awaited<ReturnType<typeof runSteps>>): string {
  return steps.filter((s) => s.status !== 'skipped').map((s) => `${s.id} ${s.status === 'cached' ? 'cached ' : ''}${(s.durationMs ?? 0).toFixed(0)} ms`).join(', ');
}

console.log(`benchmark 3: slipway up of node-hello (${new Date().toISOString()}, load average ${loadAverage()}${upFlags.length ? ', --no-generate' : ''})`);
const colds: number[] = [];
const warmUps: number[] = [];
const warmDeploys: number[] = [];
const targetReported: number[] = [];
let coldSteps = '';
for (let i = 0; i < RUNS; i++) {
  const dir = helloCopy();
  const port = await freePort();
  try {
    const cold = await slipway(['up', dir, '--port', String(port), ...upFlags]);
    if (cold.code !== 0) {
      console.log(`  cold up FAILED (exit ${cold.code}):\n${cold.stdout}${cold.stderr}`);
      process.exitCode = 1;
      break;
    }
    colds.push(cold.ms);
    coldSteps = stepLine(await runSteps(dir, lastRunId(cold.stdout)));

    const server = join(dir, 'src', 'server.js');
    writeFileSync(server, readFileSync(server, 'utf8').replace("'Hello from node-hello'", `'Hello again (${i})'`));
    const warm = await slipway(['up', dir, '--port', String(port), ...upFlags]);
    if (warm.code !== 0) throw new Error(`warm up failed:\n${warm.stdout}${warm.stderr}`);
    warmUps.push(warm.ms);
    const steps = await runSteps(dir, lastRunId(warm.stdout));
    const deploy = steps.find((s) => s.id === 'deploy-dev')!;
    warmDeploys.push(deploy.durationMs ?? 0);
    const reported = /in (\d+) ms$/.exec(String(deploy.outputs?.note ?? ''));
    if (reported) targetReported.push(Number(reported[1]));
    const body = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    if (!body.includes(`Hello again (${i})`)) throw new Error(`the redeployed app does not serve the change: ${body}`);
  } finally {
    await slipway(['down', dir, '--env', 'dev']);
    remove(dir);
  }
}
if (colds.length) {
  const boots: number[] = [];
  for (let i = 0; i < 7; i++) boots.push(await bootMs());
  const boot = median(boots);
  console.log(`  cold slipway up (fresh copy, empty cache)    median ${ms(median(colds))}  min ${ms(Math.min(...colds))}  max ${ms(Math.max(...colds))}`);
  console.log(`      last cold run's steps: ${coldSteps}`);
  console.log(`  warm slipway up after a one-line change      median ${ms(median(warmUps))}  (whole command: CLI start, analysis, cache lookups, deploy, validate)`);
  console.log(`  warm redeploy: the deploy-dev step           median ${ms(median(warmDeploys))}  (bundle, lock, target deploy)`);
  if (targetReported.length) console.log(`      of which the target's blue/green switch   median ${ms(median(targetReported))}`);
  console.log(`  the app's own boot (spawn → /healthz 200)    median ${ms(boot)}  (7 boots)`);
  const delta = median(warmDeploys) - boot;
  console.log(`  redeploy − boot                              ${ms(delta)}   target: within 1000 ms`);
  if (delta > 1000) process.exitCode = 1;
}
