import { freePort, startNginx } from '../../src/loadtest/__fixtures__/servers.js';
import { pinned, type Pinning } from './pinning.js';
import { startReady, stop } from './processes.js';
import { median } from '../support/stats.js';
import type { LoadTool, ToolResult } from './tools.js';

/** One tool's figures at one connection count, over the repeats. */
export interface ToolSummary {
  tool: string;
  connections: number;
  /** Medians over the repeats. */
  median: ToolResult;
  /** Median over the rounds of this tool's req/s ÷ wrk's in the same round. */
  rpsVsWrk: number;
  /** Median over the rounds of wrk's CPU per request ÷ this tool's (req/s per core, relative). */
  perCoreVsWrk: number;
  /** req/s of each round, for the spread. */
  rpsEach: number[];
}

export interface Comparison {
  target: string;
  summaries: ToolSummary[];
}

export interface CompareOptions {
  seconds: number;
  connectionCounts: number[];
  repeats: number;
  pin: Pinning;
  tools: LoadTool[];
}

/**
 * Same target, same connection count, same duration, same core for every tool (pinning.ts):
 * wrk (-t1), autocannon (its single thread) and Slipway (one generator thread), each run
 * `repeats` rounds of one run each, in rotating order so none always goes first after a busy
 * neighbour. The bench reports medians, and ratios to wrk taken within each round (medians
 * of those). Connections 1 isolates each tool's per-request latency; 32 measures throughput.
 */
export async function compareTools(o: CompareOptions): Promise<Comparison[]> {
  const out: Comparison[] = [];
  const port = await freePort();
  const [cmd, args] = pinned(o.pin.target, process.execPath, ['--import', 'tsx', 'bench/loadgen/targets/hello.ts', String(port)]);
  const node = await startReady(cmd, args);
  try {
    out.push(await compareOn('node http (separate process)', `http://127.0.0.1:${port}/`, o));
  } finally {
    await stop(node);
  }
  const nginx = await startNginx({ workers: 1, commandPrefix: o.pin.target });
  try {
    out.push(await compareOn('nginx (Debian, 1 worker process)', `${nginx.url}/`, o));
  } finally {
    await nginx.close();
  }
  return out;
}

async function compareOn(target: string, url: string, o: CompareOptions): Promise<Comparison> {
  const wrk = o.tools.find((t) => t.name === 'wrk');
  // Warm the target once so the first tool does not pay for its JIT.
  await wrk?.run(url, 8, 2);
  const summaries: ToolSummary[] = [];
  for (const c of o.connectionCounts) {
    // rounds[r][tool] — every tool once per round, the order rotating from round to round.
    const rounds: Map<string, ToolResult>[] = [];
    for (let r = 0; r < o.repeats; r++) {
      const round = new Map<string, ToolResult>();
      for (let i = 0; i < o.tools.length; i++) {
        const tool = o.tools[(i + r) % o.tools.length] as LoadTool;
        round.set(tool.name, await tool.run(url, c, o.seconds));
      }
      rounds.push(round);
    }
    for (const tool of o.tools) {
      const mine = rounds.map((round) => round.get(tool.name) as ToolResult);
      const m = (f: (x: ToolResult) => number): number => median(mine.map(f));
      // Ratios within a round: both runs met the same neighbours, so the machine's drift cancels.
      const ratio = (f: (mine: ToolResult, wrk: ToolResult) => number): number =>
        median(rounds.map((round) => f(round.get(tool.name) as ToolResult, round.get('wrk') as ToolResult)));
      summaries.push({
        tool: tool.name,
        connections: c,
        median: { tool: tool.name, connections: c, rps: m((x) => x.rps), p50: m((x) => x.p50), p99: m((x) => x.p99), errors: m((x) => x.errors), cpuUsPerRequest: m((x) => x.cpuUsPerRequest) },
        rpsVsWrk: ratio((x, w) => x.rps / w.rps),
        perCoreVsWrk: ratio((x, w) => w.cpuUsPerRequest / x.cpuUsPerRequest),
        rpsEach: mine.map((x) => x.rps),
      });
    }
  }
  return { target, summaries };
}
