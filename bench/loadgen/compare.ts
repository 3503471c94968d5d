import { freePort, startNginx } from '../../src/loadtest/__fixtures__/servers.js';
import { startReady, stop } from './processes.js';
import { runAutocannon, runSlipway, runWrk, type ToolResult } from './tools.js';

export interface Comparison {
  target: string;
  results: ToolResult[];
}

/**
 * Same target, same connection count, one run each, one core each: wrk (-t1), autocannon
 * (its single thread) and Slipway (one generator thread). Connections 1 isolates each tool's
 * per-request latency; 32 measures throughput.
 */
export async function compareTools(seconds: number, connectionCounts: number[]): Promise<Comparison[]> {
  const out: Comparison[] = [];
  const port = await freePort();
  const node = await startReady(process.execPath, ['--import', 'tsx', 'bench/loadgen/targets/hello.ts', String(port)]);
  try {
    out.push({ target: 'node http (separate process)', results: await runAll(`http://127.0.0.1:${port}/`, seconds, connectionCounts) });
  } finally {
    await stop(node);
  }
  const nginx = await startNginx({ workers: 1 });
  try {
    out.push({ target: 'nginx (Debian, 1 worker process)', results: await runAll(`${nginx.url}/`, seconds, connectionCounts) });
  } finally {
    await nginx.close();
  }
  return out;
}

async function runAll(url: string, seconds: number, connectionCounts: number[]): Promise<ToolResult[]> {
  const results: ToolResult[] = [];
  // Warm the target once so the first tool does not pay for its JIT.
  await runWrk(url, 8, 2);
  for (const c of connectionCounts) {
    results.push(await runWrk(url, c, seconds));
    results.push(await runAutocannon(url, c, seconds));
    results.push(await runSlipway(url, c, seconds));
  }
  return results;
}
