import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as ReportBuild from '../../src/loadtest/report/build.js';
import type * as Run from '../../src/loadtest/run.js';
import type * as ScenarioTypes from '../../src/loadtest/scenario/types.js';
import type * as Settings from '../../src/loadtest/settings.js';
import { capture, REPO } from './processes.js';

type Engine = typeof Run & typeof Settings & typeof ScenarioTypes & typeof ReportBuild;

/**
 * Slipway's generator as users run it: compiled (dist/, `npm run build`) when present —
 * from sources the worker threads run through tsx's loader, which costs CPU per request.
 */
export async function loadEngine(): Promise<{ engine: Engine; from: string }> {
  const compiled = existsSync(join(REPO, 'dist/loadtest/run.js'));
  const base = compiled ? '../../dist/loadtest' : '../../src/loadtest';
  const [run, settings, scenario, build] = await Promise.all([
    import(`${base}/run.js`) as Promise<typeof Run>,
    import(`${base}/settings.js`) as Promise<typeof Settings>,
    import(`${base}/scenario/types.js`) as Promise<typeof ScenarioTypes>,
    import(`${base}/report/build.js`) as Promise<typeof ReportBuild>,
  ]);
  return { engine: { ...run, ...settings, ...scenario, ...build }, from: compiled ? 'dist/ (compiled)' : 'src/ (tsx)' };
}

/**
 * One tool's run: completed requests per second, latency percentiles (ms), and the CPU time
 * the tool itself spent per request — the figure that does not depend on what else the
 * machine is running: 1e6 / cpuUsPerRequest is the rate one dedicated core would sustain.
 */
export interface ToolResult {
  tool: 'slipway' | 'wrk' | 'autocannon';
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpuUsPerRequest: number;
}

/** Runs a command under bash's `time` to learn the user + system CPU seconds it used. */
async function timed(cmd: string, args: string[]): Promise<{ stdout: string; cpuSeconds: number }> {
  const quoted = [cmd, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const { stdout, stderr } = await capture('bash', ['-c', `TIMEFORMAT='cpu %U %S'; time ${quoted}`]);
  const m = /cpu ([\d.]+) ([\d.]+)/.exec(stderr);
  return { stdout, cpuSeconds: m ? Number(m[1]) + Number(m[2]) : Number.NaN };
}

/** wrk, one thread (one core), `connections` keep-alive connections. */
export async function runWrk(url: string, connections: number, seconds: number): Promise<ToolResult> {
  const { stdout, cpuSeconds } = await timed('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url]);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const pct = (p: string): number => toMs(new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(stdout));
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? '0';
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const socketErrors = socket ? socket.slice(1).reduce((n, x) => n + Number(x), 0) : 0;
  const total = Number(/(\d+) requests in/.exec(stdout)?.[1]);
  return { tool: 'wrk', connections, rps, p50: pct('50'), p99: pct('99'), errors: Number(errors) + socketErrors, cpuUsPerRequest: (cpuSeconds * 1e6) / total };
}

function toMs(m: RegExpExecArray | null): number {
  if (!m) return Number.NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
}

/**
 * autocannon (installed dev dependency), its default single thread, same connections. Its
 * CPU figure includes Node's start-up (about 0.1 s), a small bias against it.
 */
export async function runAutocannon(url: string, connections: number, seconds: number): Promise<ToolResult> {
  const { stdout, cpuSeconds } = await timed(process.execPath, ['node_modules/autocannon/autocannon.js', '-c', String(connections), '-d', String(seconds), '-j', url]);
  const r = JSON.parse(stdout) as { requests: { total: number }; duration: number; latency: { p50: number; p99: number }; errors: number; non2xx: number };
  const total = r.requests.total;
  return { tool: 'autocannon', connections, rps: total / r.duration, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, cpuUsPerRequest: (cpuSeconds * 1e6) / total };
}

/**
 * Slipway's generator: closed model, one virtual user per connection, one worker thread. CPU
 * is the whole process's (main thread and worker) from the measured phase's start to its end.
 */
export async function runSlipway(url: string, connections: number, seconds: number): Promise<ToolResult> {
  const { engine } = await loadEngine();
  const { resolveSettings, runLoadTest, defaultScenario, buildReport } = engine;
  const target = new URL(url);
  const settings = resolveSettings({ url: target, vus: connections, durationMs: seconds * 1000, workers: 1, warmupMs: 1000, scenario: defaultScenario(target.pathname), slo: 'p99<10s' });
  let cpu0 = process.cpuUsage();
  let cpu = cpu0;
  const data = await runLoadTest(settings, {
    onPhaseStart: () => void (cpu0 = process.cpuUsage()),
    onPhaseEnd: () => void (cpu = process.cpuUsage(cpu0)),
  });
  const r = buildReport(settings, data, { id: 'bench' });
  const measuredSeconds = (data.phases[0]?.run.seconds.filter((s) => s.second < seconds).length ?? seconds) || seconds;
  const inWindow = data.phases[0]?.run.seconds.filter((s) => s.second < seconds).reduce((n, s) => n + s.ok, 0) ?? 0;
  const cpuUsPerRequest = (cpu.user + cpu.system) / Math.max(1, r.totals.requests);
  return { tool: 'slipway', connections, rps: inWindow / measuredSeconds, p50: r.totals.latency.p50, p99: r.totals.latency.p99, errors: r.totals.errors.total, cpuUsPerRequest };
}
