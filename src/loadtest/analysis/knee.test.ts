import { describe, expect, it } from 'vitest';
import type { LatencySummary } from '../metrics/histogram.js';
import { DEFAULT_STEPPING, findKnee, nextStressRate, type StressStepping } from './knee.js';
import type { StepOutcome } from './step.js';

const latency: LatencySummary = { count: 1, min: 1, mean: 1, p50: 1, p90: 1, p95: 1, p99: 1, p99_9: 1, max: 1 };
const step = (rate: number, passed: boolean): StepOutcome => ({ rate, durationMs: 1000, achievedRps: rate, requests: rate, errorRatio: 0, latency, slo: [], passed, throughputHeld: passed, reasons: passed ? [] : ['broke'] });

/** Drives the stepping against a target that holds up to `capacity`. */
function climb(capacity: number, s: StressStepping): StepOutcome[] {
  const history: StepOutcome[] = [];
  for (let rate = nextStressRate(history, s); rate !== null; rate = nextStressRate(history, s)) {
    history.push(step(rate, rate <= capacity));
    if (history.length > 50) throw new Error('did not stop');
  }
  return history;
}

describe('knee search', () => {
  const stepping = { ...DEFAULT_STEPPING, startRate: 10, maxRate: 100_000 };

  it('doubles until a step fails, then bisects to within the precision', () => {
    const h = climb(300, stepping);
    expect(h.map((x) => x.rate)).toEqual([10, 20, 40, 80, 160, 320, 240, 280, 300]);
    // 300 held and 320 broke: within 10%, so the search stops.
    expect(findKnee(h)).toEqual({ kneeRps: 300, breakingRps: 320, lowerBound: false });
  });

  it('stops refining once passing and failing rates are within 10%', () => {
    const h = climb(165, stepping);
    const knee = findKnee(h);
    expect(knee.kneeRps).toBeLessThanOrEqual(165);
    expect((knee.breakingRps as number) / (knee.kneeRps as number)).toBeLessThanOrEqual(1.1 + 1e-9);
  });

  it('halves down when the very first step fails', () => {
    const h = climb(3, stepping);
    expect(h[0]?.passed).toBe(false);
    expect(findKnee(h).kneeRps).toBeLessThanOrEqual(3);
  });

  it('reports a lower bound when the maximum rate holds', () => {
    const h = climb(1e9, { ...stepping, maxRate: 50 });
    expect(h.map((x) => x.rate)).toEqual([10, 20, 40, 50]);
    expect(findKnee(h)).toEqual({ kneeRps: 50, breakingRps: null, lowerBound: true });
  });

  it('ignores a lucky pass above a failure when locating the knee', () => {
    expect(findKnee([step(100, true), step(200, false), step(150, true), step(250, true)]).kneeRps).toBe(150);
  });
});
