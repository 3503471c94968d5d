import type { StepOutcome } from './step.js';

export interface StressStepping {
  startRate: number;
  /** Rate multiplier between steps until the first failure. */
  growth: number;
  maxRate: number;
  /** Bisection steps between the last passing and the first failing rate. */
  refineSteps: number;
  /** Stop refining once failing/passing rates are this close (0.1 = 10%). */
  precision: number;
}

export const DEFAULT_STEPPING: Omit<StressStepping, 'startRate' | 'maxRate'> = { growth: 2, refineSteps: 4, precision: 0.1 };

/**
 * The rate of the next stress step, or null when the knee is located: grow geometrically
 * until a step breaks the SLO (or errors appear), then bisect between the highest passing
 * and the lowest failing rate.
 */
export function nextStressRate(history: readonly StepOutcome[], s: StressStepping): number | null {
  const last = history.at(-1);
  if (!last) return roundRate(Math.min(s.startRate, s.maxRate));
  const firstFail = history.findIndex((h) => !h.passed);
  if (firstFail === -1) return last.rate >= s.maxRate ? null : roundRate(Math.min(s.maxRate, last.rate * s.growth));
  if (history.length - 1 - firstFail >= s.refineSteps) return null;
  const { kneeRps: lo, breakingRps: hi } = findKnee(history);
  if (hi === null) return null;
  if (lo !== null && hi / lo <= 1 + s.precision) return null;
  const next = roundRate(((lo ?? 0) + hi) / 2);
  if (next <= 0 || next === lo || next === hi) return null;
  return next;
}

export interface Knee {
  /** Highest offered rate that held the SLO below every failing rate; null if none held. */
  kneeRps: number | null;
  /** Lowest offered rate that broke it; null if none did (the knee is at least kneeRps). */
  breakingRps: number | null;
  /** True when no step failed: the target is faster than the highest rate tried. */
  lowerBound: boolean;
}

export function findKnee(history: readonly StepOutcome[]): Knee {
  const failing = history.filter((h) => !h.passed).map((h) => h.rate);
  const breakingRps = failing.length ? Math.min(...failing) : null;
  const passing = history.filter((h) => h.passed && (breakingRps === null || h.rate < breakingRps)).map((h) => h.rate);
  return { kneeRps: passing.length ? Math.max(...passing) : null, breakingRps, lowerBound: breakingRps === null && passing.length > 0 };
}

/** Rates people can read: integers from 10/s, one decimal below. */
export function roundRate(r: number): number {
  return r >= 10 ? Math.round(r) : Math.round(r * 10) / 10;
}
