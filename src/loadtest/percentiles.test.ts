import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayServer, type RunningServer } from './__fixtures__/servers.js';
import { runAgainst } from './__fixtures__/run-helpers.js';

// A real Node server with injected delays: every tenth request takes 1 s, the rest 20 ms.
// Latency can never be below the injected delay (exact lower bounds); the upper bounds are
// an order of magnitude loose because the machine is shared, yet a wrong percentile (p50 at
// the slow value, p99 at the fast one) still fails.
const FAST = 20;
const SLOW = 1000;

describe('percentiles against a server with a known injected delay', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startDelayServer((n) => (n % 10 === 9 ? SLOW : FAST));
  });
  afterAll(() => server.close());

  it('open model, two worker threads: p50 is the fast delay, p99 the slow one', async () => {
    const { report, data } = await runAgainst(server.url, { rate: 100, durationMs: 3000, workers: 2, slo: 'p99<5s,errors<1%' });
    const t = report.totals;
    expect(data.phases[0]?.run.sent).toBe(300);
    expect(t.requests).toBe(300);
    expect(t.errors.total).toBe(0);
    expect(t.latency.min).toBeGreaterThanOrEqual(FAST);
    expect(t.latency.p50).toBeGreaterThanOrEqual(FAST);
    expect(t.latency.p50).toBeLessThan(SLOW / 2);
    expect(t.latency.p95).toBeGreaterThanOrEqual(SLOW);
    expect(t.latency.p99).toBeGreaterThanOrEqual(SLOW);
    expect(t.latency.p99).toBeLessThan(SLOW * 5);
    expect(t.latency.max).toBeGreaterThanOrEqual(t.latency.p99_9);
    // A per-second series covering the run: every response lands in exactly one second.
    expect(report.series.map((p) => p.t).slice(0, 3)).toEqual([0, 1, 2]);
    expect(report.series.reduce((n, p) => n + p.ok, 0)).toBe(300);
    expect(report.percentiles.at(-1)?.percentile).toBe(100);
    expect(report.slo.passed).toBe(true);
  });

  it('closed model: virtual users see service time and are paced by it', async () => {
    const { report } = await runAgainst(server.url, { vus: 4, durationMs: 3000 });
    const t = report.totals;
    // 4 users, mean service time 0.9 × 20 + 0.1 × 1000 = 118 ms: about 4 × 3 s / 118 ms ≈ 100
    // requests; a quarter more at most (the tenth-request pattern and the requests in flight
    // at the end), since each user waits for its answer.
    expect(t.requests).toBeGreaterThan(20);
    expect(t.requests).toBeLessThanOrEqual(Math.ceil(((4 * 3000) / (0.9 * FAST + 0.1 * SLOW)) * 1.25));
    expect(t.latency.p50).toBeGreaterThanOrEqual(FAST);
    expect(t.latency.p50).toBeLessThan(SLOW / 2);
    expect(t.latency.max).toBeGreaterThanOrEqual(SLOW);
  });

  it('open model counts queueing from the scheduled time (no coordinated omission)', async () => {
    // One connection, 30 arrivals/s, 118 ms mean service: the client can send one at a time,
    // so arrivals queue up; a tool with coordinated omission would report a 20 ms median.
    const { report } = await runAgainst(server.url, { rate: 30, durationMs: 1000, connections: 1, timeoutMs: 30_000 });
    expect(report.totals.latency.p50).toBeGreaterThan(200);
    expect(report.totals.latency.max).toBeGreaterThan(500);
    expect(report.totals.requests).toBe(30);
  });
});
