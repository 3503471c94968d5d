import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCapacityServer } from './__fixtures__/servers.js';
import { runAgainst } from './__fixtures__/run-helpers.js';

// A real Node server that serialises requests with a fixed 10 ms service time: its capacity
// is exactly 100 requests/s. Above ~111/s the throughput check fails whatever the machine's
// load (it cannot complete more than 100/s), so the knee can never exceed the capacity by
// more than the 10% bisection precision; the lower bound is loose for a shared machine.
const SERVICE_MS = 10;
const CAPACITY = 1000 / SERVICE_MS;

describe('stress finds the knee of a server with a known capacity', () => {
  let server: Awaited<ReturnType<typeof startCapacityServer>>;
  beforeAll(async () => {
    server = await startCapacityServer(SERVICE_MS);
  });
  afterAll(() => server.close());

  it('steps the rate up, bisects after the first failure, reports the highest sustainable rate', async () => {
    const { report } = await runAgainst(server.url, {
      profile: 'stress',
      rate: 20,
      durationMs: 2000,
      slo: 'p99<1s,errors<1%',
      cooldownMs: 500,
      timeoutMs: 5000,
    });
    const stress = report.stress;
    expect(stress).toBeDefined();
    if (!stress) return;
    const rates = stress.steps.filter((s) => !s.repeated).map((s) => s.rate);
    expect(rates.slice(0, 3)).toEqual([20, 40, 80]);
    expect(stress.knee.kneeRps).not.toBeNull();
    expect(stress.knee.kneeRps as number).toBeLessThanOrEqual(CAPACITY * 1.1);
    expect(stress.knee.kneeRps as number).toBeGreaterThanOrEqual(CAPACITY * 0.4);
    expect(stress.knee.breakingRps as number).toBeGreaterThan(stress.knee.kneeRps as number);
    expect(stress.knee.lowerBound).toBe(false);
    const overload = stress.steps.find((s) => s.rate >= CAPACITY * 1.5);
    // A throughput failure is never repeated: it is not noise.
    expect(overload?.repeated).toBeUndefined();
    expect(overload?.passed).toBe(false);
    expect(overload?.achievedRps).toBeLessThanOrEqual(CAPACITY * 1.05);
    expect(overload?.reasons.join(' ')).toMatch(/throughput/);
    expect(stress.capacityRps).toBe(stress.knee.kneeRps);
    expect(report.slo.passed).toBe(true);
  });

  it('reports a lower bound when nothing breaks up to --max-rate', async () => {
    const { report } = await runAgainst(server.url, { profile: 'stress', rate: 15, maxRate: 30, durationMs: 1000, slo: 'p99<2s' });
    expect(report.stress?.steps.filter((s) => !s.repeated).map((s) => s.rate)).toEqual([15, 30]);
    expect(report.stress?.knee).toEqual({ kneeRps: 30, breakingRps: null, lowerBound: true });
    expect(report.notes.join(' ')).toMatch(/at least/);
  });
});
