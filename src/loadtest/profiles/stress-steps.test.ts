import { describe, expect, it } from 'vitest';
import type { PhaseRun } from '../generator/pool.js';
import { emptyErrors } from '../metrics/errors.js';
import { createHistogram, recordMs, summarize } from '../metrics/histogram.js';
import type { PhaseResult, RunData } from '../run.js';
import { resolveSettings } from '../settings.js';
import { defaultScenario } from '../scenario/types.js';
import type { PlannedPhase } from './plan.js';
import { runStressSteps } from './stress-steps.js';

// The climb's decisions over synthetic step results (the generator itself is exercised
// against real servers in knee.test.ts): a target that completes up to 100/s, where the
// very first attempt at 40/s hits one slow second.
function stepResult(phase: PlannedPhase, rate: number, latencyMs: number): PhaseResult {
  const done = Math.min(rate, 100);
  const histogram = createHistogram();
  for (let i = 0; i < done * 2; i++) recordMs(histogram, latencyMs);
  const second = (n: number) => ({ second: n, ok: done, errors: emptyErrors(), bytes: 0, latency: summarize(histogram) });
  const run: PhaseRun = { histogram, seconds: [second(0), second(1)], ok: done * 2, errors: emptyErrors(), bytes: 0, sent: rate * 2, capped: false, stopped: false, lateArrivals: 0, maxLagMs: 0, startAt: 0, endAt: 2000 };
  return { ...phase, run };
}

describe('stress climb', () => {
  it('repeats a latency-only failure once, never a throughput failure, and stops at the knee', async () => {
    const settings = resolveSettings({ url: new URL('http://127.0.0.1:9/'), profile: 'stress', rate: 10, durationMs: 2000, slo: 'p99<100ms', cooldownMs: 0, scenario: defaultScenario('/') });
    const data: RunData = { startedAt: new Date(), finishedAt: new Date(), phases: [] };
    const tried: number[] = [];
    await runStressSteps(settings, data, async (phase) => {
      const rate = phase.shape.model === 'open' ? (phase.shape.stages[0]?.rate ?? 0) : 0;
      tried.push(rate);
      const slow = rate === 40 && tried.filter((r) => r === 40).length === 1;
      return stepResult(phase, rate, slow ? 500 : rate > 100 ? 900 : 5);
    }, () => 0, {});
    // 40 is repeated and then holds; 110 still completes ≥ 90% of its rate, so its latency
    // failure is repeated too, and confirmed.
    expect(tried).toEqual([10, 20, 40, 40, 80, 160, 120, 100, 110, 110]);
    const steps = data.phases.map((p) => p.step);
    expect(steps.filter((s) => s?.discarded).map((s) => s?.rate)).toEqual([40, 110]);
    expect(steps.find((s) => s?.rate === 160)?.throughputHeld).toBe(false);
    expect(steps.filter((s) => s?.rate === 160)).toHaveLength(1);
  });
});
