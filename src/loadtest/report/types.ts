import type { Knee } from '../analysis/knee.js';
import type { SoakFindings } from '../analysis/soak.js';
import type { SpikeFindings, SpikeShape } from '../analysis/spike.js';
import type { ErrorCounts } from '../metrics/errors.js';
import type { LatencySummary } from '../metrics/histogram.js';
import type { StopReason } from '../run.js';
import type { Profile } from '../settings.js';
import type { SizingRecommendation } from '../sizing/sizing.js';
import type { ObjectiveResult } from '../slo.js';

/**
 * A load test's record, stored as <project>/.slipway/loadtests/<id>.json for the dashboard
 * and printed by `--json`. Latencies are milliseconds; `version` changes on breaking edits.
 */
export interface LoadTestReport {
  version: 1;
  id: string;
  startedAt: string;
  finishedAt: string;
  target: { url: string; env?: string; component?: string };
  profile: Profile;
  model: 'open' | 'closed';
  settings: {
    rate?: number;
    vus?: number;
    durationMs: number;
    connections: number;
    workers: number;
    timeoutMs: number;
    maxRequests: number;
    slo: string;
    maxRate?: number;
    spikeFactor?: number;
  };
  scenario: { name: string; file?: string; requests: { name: string; method: string; path: string }[] };
  totals: Totals;
  /** Load, spike, soak: the whole run; stress: the knee step. */
  slo: { passed: boolean; results: ObjectiveResult[] };
  series: SeriesPoint[];
  phases: PhaseSummary[];
  /** The latency distribution of the whole run, for the percentile chart. */
  percentiles: { percentile: number; ms: number }[];
  stress?: { knee: Knee; capacityRps: number | null; steps: StepSummary[] };
  spike?: SpikeShape & SpikeFindings;
  soak?: SoakFindings;
  sizing?: SizingRecommendation;
  stopReason?: StopReason;
  notes: string[];
}

export interface Totals {
  requests: number;
  ok: number;
  errors: ErrorCounts & { total: number };
  errorRatio: number;
  /** Completed requests per second over the measured time. */
  rps: number;
  bytes: number;
  latency: LatencySummary;
}

export interface SeriesPoint {
  /** Seconds since the run started. */
  t: number;
  phase: number;
  /** Planned arrivals per second (open model). */
  offered?: number;
  ok: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface PhaseSummary {
  name: string;
  startSecond: number;
  plannedMs: number;
  rate?: number;
  vus?: number;
  totals: Totals;
}

export interface StepSummary {
  rate: number;
  achievedRps: number;
  p50: number;
  p99: number;
  errorRatio: number;
  passed: boolean;
  reasons: string[];
  /** Broke on latency or errors only and was run again; the repeat is the next entry. */
  repeated?: boolean;
}
