import { createRequire } from 'node:module';

/**
 * Child process for one autocannon run (its default single thread), measured like Slipway's:
 * 1 s of warm-up at the same connection count, then CPU time around the measured run only, so
 * Node's start-up does not count against it. Usage: autocannon-tool.ts <url> <connections> <seconds>
 */
interface AutocannonResult {
  requests: { total: number };
  duration: number;
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number }) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const [url, connections, seconds] = process.argv.slice(2) as [string, string, string];
await autocannon({ url, connections: Number(connections), duration: 1 });
const cpu0 = process.cpuUsage();
const r = await autocannon({ url, connections: Number(connections), duration: Number(seconds) });
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
    cpuUsPerRequest: (cpu.user + cpu.system) / Math.max(1, r.requests.total),
  })}\n`,
);
