/**
 * Benchmark 2 — bad releases under load: with node-hello serving a fixed request rate, deploy
 * each bad variant (crashes on boot, returns 500, hangs, never listens). Each must be rolled
 * back automatically with no failed client request. Prints per variant how it was caught and
 * how long until the environment was back on (or never left) the good release.
 *   npx tsx bench/deploy/bad-releases.ts [--rate 300] [--health-timeout 5000]
 */
import { parseArgs } from 'node:util';
import { BAD_VARIANTS } from '../../test/deploy/node-hello-variants.js';
import { benchProject, fixedRateLoad, fmt } from './support.js';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '300' }, 'health-timeout': { type: 'string', default: '5000' } } });
const rate = Number(values.rate);
const healthTimeoutMs = Number(values['health-timeout']);
const p = await benchProject();
try {
  const good = await p.deploy(p.bundle('good', 'good'));
  if (!good.ok) throw new Error(`first deploy failed: ${good.error}`);
  const load = fixedRateLoad(p.url, rate);
  await new Promise((r) => setTimeout(r, 1_000));
  console.log(`benchmark 2: bad releases under ${rate} req/s (health timeout ${healthTimeoutMs} ms; bake 30 s, roll back at ≥5 errors and ≥5% error rate; ${new Date().toISOString()})`);
  let allRolledBack = true;
  for (const variant of BAD_VARIANTS) {
    const before = { samples: load.samples.length, errors: load.errors.length };
    const o = await p.deploy(p.bundle(variant, variant), { healthTimeoutMs, bakeMs: 30_000, waitForBake: true }).catch((err: unknown) => {
      throw new Error(`deploying ${variant}: ${(err as Error).message}`);
    });
    await new Promise((r) => setTimeout(r, 500));
    const window = load.samples.slice(before.samples);
    const failed = window.filter((s) => s.status >= 400).length + (load.errors.length - before.errors);
    const live = (await p.status()).live;
    const rolledBack = !o.ok && o.rolledBack?.to === good.releaseId && live === good.releaseId;
    allRolledBack &&= rolledBack;
    // Before the switch (health/boot failures) the good release never stopped serving: the time
    // shown is how long the bad one took to be refused. After it (500s), from switch to switch-back.
    const caught = o.error?.startsWith('health check') ? 'before the switch (health check)' : 'after the switch (bake error rate)';
    console.log(`  ${variant.padEnd(14)} rolled back: ${rolledBack ? 'yes' : 'NO'}  caught ${caught}  time to rollback ${fmt(o.error?.startsWith('health check') ? o.durationMs : (o.rolledBack?.ms ?? NaN))}  failed requests ${failed}/${window.length}`);
    console.log(`  ${''.padEnd(14)} reason: ${o.error}`);
  }
  await load.stop();
  const failedTotal = load.samples.filter((s) => s.status >= 400).length + load.errors.length;
  console.log(`  total: ${load.samples.length + load.errors.length} requests, ${failedTotal} failed; automatic rollback every time: ${allRolledBack ? 'yes' : 'NO'}`);
  if (!allRolledBack || failedTotal > 0) process.exitCode = 1;
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await p.cleanup();
}
