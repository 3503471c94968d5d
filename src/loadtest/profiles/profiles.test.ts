import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCapacityServer } from '../__fixtures__/servers.js';
import { runAgainst } from '../__fixtures__/run-helpers.js';

// Spike and soak against a real server with a 100/s capacity (10 ms per request, one at a time).
describe('spike and soak profiles', () => {
  let server: Awaited<ReturnType<typeof startCapacityServer>>;
  beforeAll(async () => {
    server = await startCapacityServer(10);
  });
  afterAll(() => server.close());

  it('spike: baseline, 5× burst, baseline — the burst above capacity shows in p99', async () => {
    const { report } = await runAgainst(server.url, { profile: 'spike', rate: 40, durationMs: 5000, slo: 'p99<5s', timeoutMs: 10_000 });
    const spike = report.spike;
    expect(spike).toMatchObject({ baseRate: 40, spikeRate: 200, spikeFrom: 2, spikeTo: 3 });
    expect(report.series.slice(0, 5).map((p) => p.offered)).toEqual([40, 40, 200, 40, 40]);
    expect(report.totals.requests).toBe(40 * 4 + 200);
    // 200 arrivals in one second at 100/s: the last ones wait about a second.
    expect(spike?.spikeP99Ms).toBeGreaterThan(300);
    expect(spike?.spikeP99Ms).toBeGreaterThan(spike?.baselineP99Ms ?? Infinity);
  });

  it('soak: compares the first and last tenth of the run', async () => {
    const { report } = await runAgainst(server.url, { profile: 'soak', rate: 20, durationMs: 10_000 });
    expect(report.soak?.first.fromSecond).toBe(0);
    expect(report.soak?.last.toSecond).toBeGreaterThanOrEqual(9);
    expect(report.soak?.first.rps).toBeGreaterThan(0);
    expect(report.totals.requests).toBe(200);
    expect(typeof report.soak?.degraded).toBe('boolean');
  });
});
