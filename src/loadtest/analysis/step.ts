import type { PhaseRun } from '../generator/pool.js';
import { totalErrors } from '../metrics/errors.js';
import { summarize, type LatencySummary } from '../metrics/histogram.js';
import { evaluateSlo, type Objective, type ObjectiveResult } from '../slo.js';

/** One stress step: the offered rate and what the target did with it. */
export interface StepOutcome {
  rate: number;
  durationMs: number;
  /** Successful responses per second completed within the step's window. */
  achievedRps: number;
  requests: number;
  errorRatio: number;
  latency: LatencySummary;
  slo: ObjectiveResult[];
  passed: boolean;
  /** The target completed at least 90% of the offered rate within the step. */
  throughputHeld: boolean;
  /** Why a step failed: broken objectives, or throughput below the offered rate. */
  reasons: string[];
  /** A first attempt that broke on latency or errors only and was run again (not counted). */
  discarded?: boolean;
}

/** Below this share of the offered rate the target is not keeping up, whatever the latency says. */
export const MIN_THROUGHPUT_RATIO = 0.9;

export function judgeStep(rate: number, durationMs: number, run: PhaseRun, slo: readonly Objective[]): StepOutcome {
  const windowSeconds = Math.max(1, Math.floor(durationMs / 1000));
  const okInWindow = run.seconds.filter((s) => s.second < windowSeconds).reduce((sum, s) => sum + s.ok, 0);
  const achievedRps = okInWindow / windowSeconds;
  const errors = totalErrors(run.errors);
  const requests = run.ok + errors;
  const errorRatio = requests === 0 ? 1 : errors / requests;
  const latency = summarize(run.histogram);
  const results = evaluateSlo(slo, latency, errorRatio);
  const reasons = results.filter((r) => !r.passed).map((r) => `${r.objective} (was ${r.actual}${r.unit})`);
  // Without an error objective, the first error ends the climb.
  if (errors > 0 && !slo.some((o) => o.kind === 'errors')) reasons.push(`${errors} failed requests`);
  const throughputHeld = achievedRps >= rate * MIN_THROUGHPUT_RATIO;
  if (!throughputHeld) {
    reasons.push(`throughput ${round(achievedRps)}/s is below ${Math.round(MIN_THROUGHPUT_RATIO * 100)}% of the offered ${rate}/s`);
  }
  return { rate, durationMs, achievedRps: round(achievedRps), requests, errorRatio, latency, slo: results, passed: reasons.length === 0, throughputHeld, reasons };
}

const round = (n: number): number => Math.round(n * 10) / 10;
