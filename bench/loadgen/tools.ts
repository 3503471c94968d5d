import { capture } from '../support/process.js';
import { pinned, type Pinning } from './pinning.js';

/**
 * One tool's run: completed requests per second, latency percentiles (ms), errors, and the
 * CPU time the tool itself spent per request — the figure that depends least on what else the
 * machine runs: 1e6 / cpuUsPerRequest is the rate one dedicated core would sustain.
 */
export interface ToolResult {
  tool: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpuUsPerRequest: number;
}

export interface LoadTool {
  name: string;
  run(url: string, connections: number, seconds: number): Promise<ToolResult>;
}

/** wrk, autocannon and Slipway (plus any other Slipway builds), each on the tool core. */
export function loadTools(pin: Pinning, engines: { name: string; dir: string }[]): LoadTool[] {
  return [
    { name: 'wrk', run: (url, c, s) => runWrk(pin, url, c, s) },
    { name: 'autocannon', run: (url, c, s) => runChild(pin, 'autocannon', ['bench/loadgen/autocannon-tool.ts', url, String(c), String(s)], c) },
    ...engines.map((e): LoadTool => ({ name: e.name, run: (url, c, s) => runChild(pin, e.name, ['bench/loadgen/slipway-tool.ts', e.dir, url, String(c), String(s)], c) })),
  ];
}

/**
 * wrk -t1 (one thread), `connections` keep-alive connections, under bash's `time` for the user
 * + system CPU seconds of the whole process (a C program: start-up is negligible).
 */
async function runWrk(pin: Pinning, url: string, connections: number, seconds: number): Promise<ToolResult> {
  const [cmd, args] = pinned(pin.tool, 'wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url]);
  const quoted = [cmd, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const { stdout, stderr } = await capture('bash', ['-c', `TIMEFORMAT='cpu %U %S'; time ${quoted}`]);
  const m = /cpu ([\d.]+) ([\d.]+)/.exec(stderr);
  const cpuSeconds = m ? Number(m[1]) + Number(m[2]) : Number.NaN;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const pct = (p: string): number => toMs(new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(stdout));
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const socketErrors = socket ? socket.slice(1).reduce((n, x) => n + Number(x), 0) : 0;
  const total = Number(/(\d+) requests in/.exec(stdout)?.[1]);
  return { tool: 'wrk', connections, rps, p50: pct('50'), p99: pct('99'), errors: non2xx + socketErrors, cpuUsPerRequest: (cpuSeconds * 1e6) / total };
}

function toMs(m: RegExpExecArray | null): number {
  if (!m) return Number.NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
}

/** A Node child (autocannon-tool.ts, slipway-tool.ts) that measures itself and prints one JSON line. */
async function runChild(pin: Pinning, tool: string, args: string[], connections: number): Promise<ToolResult> {
  const [cmd, full] = pinned(pin.tool, process.execPath, ['--import', 'tsx', ...args]);
  const { stdout } = await capture(cmd, full);
  const r = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Omit<ToolResult, 'tool' | 'connections'>;
  return { tool, connections, ...r };
}
