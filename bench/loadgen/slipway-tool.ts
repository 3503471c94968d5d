import { engineFrom } from './engine.js';

/**
 * Child process for one Slipway run, so the bench can pin it like wrk: closed model, one
 * virtual user per connection, one generator thread, 1 s of unmeasured warm-up. Prints one
 * JSON line: completed requests per second in the measured window, percentiles, errors, and
 * the CPU time of the whole process (main thread and worker) from the measured phase's start
 * to its end. Usage: slipway-tool.ts <engine dir> <url> <connections> <seconds>
 */
const [engineDir, url, connections, seconds] = process.argv.slice(2) as [string, string, string, string];
const { resolveSettings, runLoadTest, defaultScenario, buildReport } = await engineFrom(engineDir);
const target = new URL(url);
const secs = Number(seconds);
const settings = resolveSettings({
  url: target,
  vus: Number(connections),
  durationMs: secs * 1000,
  workers: 1,
  warmupMs: 1000,
  scenario: defaultScenario(target.pathname),
  slo: 'p99<10s',
});
let cpu0 = process.cpuUsage();
let cpu = cpu0;
const data = await runLoadTest(settings, {
  onPhaseStart: () => void (cpu0 = process.cpuUsage()),
  onPhaseEnd: () => void (cpu = process.cpuUsage(cpu0)),
});
const report = buildReport(settings, data, { id: 'bench' });
const inWindow = (data.phases[0]?.run.seconds ?? []).filter((s) => s.second < secs);
const ok = inWindow.reduce((n, s) => n + s.ok, 0);
process.stdout.write(
  `${JSON.stringify({
    rps: ok / (inWindow.length || secs),
    p50: report.totals.latency.p50,
    p99: report.totals.latency.p99,
    errors: report.totals.errors.total,
    cpuUsPerRequest: (cpu.user + cpu.system) / Math.max(1, report.totals.requests),
  })}\n`,
);
