import type { SecondStats } from '../generator/pool.js';
import { totalErrors } from '../metrics/errors.js';
import { median } from './median.js';

export interface SpikeShape {
  baseRate: number;
  spikeRate: number;
  /** Seconds (since the phase start) the spike begins and ends. */
  spikeFrom: number;
  spikeTo: number;
}

export interface SpikeFindings {
  baselineP99Ms: number;
  spikeP99Ms: number;
  spikeErrors: number;
  /** Seconds after the spike until p99 is back within 1.5× the baseline with no errors; null if it never is. */
  recoverySeconds: number | null;
}

/** How the target took a sudden burst and how long it needed to come back. */
export function analyzeSpike(seconds: readonly SecondStats[], shape: SpikeShape): SpikeFindings {
  const before = seconds.filter((s) => s.second < shape.spikeFrom && s.second >= 1);
  const during = seconds.filter((s) => s.second >= shape.spikeFrom && s.second < shape.spikeTo);
  const after = seconds.filter((s) => s.second >= shape.spikeTo).sort((a, b) => a.second - b.second);
  const baselineP99Ms = median(before.map((s) => s.latency.p99));
  const spikeP99Ms = Math.max(0, ...during.map((s) => s.latency.p99));
  const spikeErrors = during.reduce((n, s) => n + totalErrors(s.errors), 0);
  const threshold = Math.max(baselineP99Ms * 1.5, baselineP99Ms + 5);
  const recovered = after.find((s) => s.latency.p99 <= threshold && totalErrors(s.errors) === 0);
  return { baselineP99Ms, spikeP99Ms, spikeErrors, recoverySeconds: recovered ? recovered.second - shape.spikeTo : null };
}
