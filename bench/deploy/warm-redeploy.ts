/**
 * Benchmark 3 (deploy half; the pipeline engineer measures cold `slipway up`) — warm redeploy
 * time beside the app's own boot time. Boot: spawn node-hello and poll /healthz until it answers
 * (the same 25 ms polling the health check uses). Redeploy: LocalTarget.deploy on a running agent
 * (copy into a release dir, start, health, hooks, switch), as the pipeline's deploy step calls it.
 *   npx tsx bench/deploy/warm-redeploy.ts [--runs 7]
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../../src/net/free-port.js';
import { waitHealthy } from '../../src/deploy/targets/local/health.js';
import { NODE_HELLO } from '../../test/deploy/node-hello-variants.js';
import { benchProject, fmt, percentile } from './support.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);

async function bootOnce(): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(NODE_HELLO, 'src', 'server.js')], { env: { PATH: process.env.PATH ?? '', PORT: String(port) }, stdio: 'ignore' });
  const h = await waitHealthy({ port, path: '/healthz', timeoutMs: 30_000, exited: () => (child.exitCode !== null ? String(child.exitCode) : null) });
  const ms = performance.now() - t0;
  child.kill('SIGTERM');
  if (!h.ok) throw new Error(h.reason);
  return ms;
}

const boots: number[] = [];
for (let i = 0; i < runs; i++) boots.push(await bootOnce());

const p = await benchProject();
try {
  const first = await p.deploy(p.bundle('good', 'v0'));
  if (!first.ok) throw new Error(first.error);
  const redeploys: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const bundle = p.bundle('good', `v${i}`);
    const t0 = performance.now();
    const o = await p.deploy(bundle);
    if (!o.ok) throw new Error(o.error);
    redeploys.push(performance.now() - t0);
  }
  const boot = percentile(boots, 50);
  const redeploy = percentile(redeploys, 50);
  console.log(`benchmark 3: warm redeploy vs the app's own boot (node-hello, median of ${runs}, ${new Date().toISOString()})`);
  console.log(`  app boot (spawn → /healthz 200)      median ${fmt(boot)}  min ${fmt(Math.min(...boots))}  max ${fmt(Math.max(...boots))}`);
  console.log(`  warm redeploy (deploy() → switched)  median ${fmt(redeploy)}  min ${fmt(Math.min(...redeploys))}  max ${fmt(Math.max(...redeploys))}`);
  console.log(`  redeploy − boot                      ${fmt(redeploy - boot)} (target: within 1000 ms)`);
  if (redeploy - boot > 1_000) process.exitCode = 1;
} finally {
  await p.cleanup();
}
