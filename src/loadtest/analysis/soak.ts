import type { SecondStats } from '../generator/pool.js';
import { totalErrors } from '../metrics/errors.js';
import { median } from './median.js';

export interface SoakWindow {
  fromSecond: number;
  toSecond: number;
  rps: number;
  p99Ms: number;
  errorRatio: number;
}

export interface SoakFindings {
  first: SoakWindow;
  last: SoakWindow;
  /** Change of the median per-second p99 from the first to the last tenth of the run. */
  p99DriftPercent: number;
  throughputDriftPercent: number;
  /** True when latency grew by more than 50% or errors appeared late: a leak or a slow resource exhaustion. */
  degraded: boolean;
}

/** Compares the first and last tenth of a long run: does the target hold up over time? */
export function analyzeSoak(seconds: readonly SecondStats[]): SoakFindings | null {
  const sorted = [...seconds].sort((a, b) => a.second - b.second);
  if (sorted.length < 10) return null;
  const tenth = Math.max(1, Math.floor(sorted.length / 10));
  const first = windowOf(sorted.slice(0, tenth));
  const last = windowOf(sorted.slice(-tenth));
  const p99DriftPercent = pct(first.p99Ms, last.p99Ms);
  const throughputDriftPercent = pct(first.rps, last.rps);
  const degraded = p99DriftPercent > 50 || (last.errorRatio > 0 && last.errorRatio > first.errorRatio * 2);
  return { first, last, p99DriftPercent, throughputDriftPercent, degraded };
}

function windowOf(s: SecondStats[]): SoakWindow {
  const ok = s.reduce((n, x) => n + x.ok, 0);
  const errors = s.reduce((n, x) => n + totalErrors(x.errors), 0);
  return {
    fromSecond: s[0]?.second ?? 0,
    toSecond: s.at(-1)?.second ?? 0,
    rps: Math.round((ok / s.length) * 10) / 10,
    p99Ms: median(s.map((x) => x.latency.p99)),
    errorRatio: ok + errors === 0 ? 0 : errors / (ok + errors),
  };
}

const pct = (from: number, to: number): number => (from === 0 ? 0 : Math.round(((to - from) / from) * 1000) / 10);
