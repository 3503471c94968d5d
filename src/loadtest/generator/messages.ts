import type { ErrorCounts } from '../metrics/errors.js';
import type { Scenario } from '../scenario/types.js';

/** Messages between the main thread (pool.ts) and each generator worker (worker-entry.ts). */

export interface Stage {
  durationMs: number;
  /** Arrivals per second (open model), for the whole run: each worker takes its share. */
  rate: number;
}

/** Open: the whole run's stages (workers interleave arrivals). Closed: this worker's users. */
export type LoadShape =
  | { model: 'open'; stages: Stage[] }
  | { model: 'closed'; vus: number; durationMs: number };

export interface WorkerSetup {
  origin: string;
  scenario: Scenario;
  /** Connections this worker keeps open (its share). */
  connections: number;
  timeoutMs: number;
  workerIndex: number;
  workerCount: number;
}

export interface PhaseCommand {
  type: 'phase';
  phase: number;
  /** Epoch milliseconds (performance.timeOrigin-based) at which the phase starts, shared by all workers. */
  startAt: number;
  shape: LoadShape;
  /** Requests this worker may send in this phase (its share of the hard cap). */
  maxRequests: number;
  /** Closed model: the global number of this worker's first virtual user. */
  firstVu: number;
}

export type ToWorker = PhaseCommand | { type: 'stop' } | { type: 'close' };

/** What completed during one second of a phase, on one worker. */
export interface SecondBucket {
  second: number;
  /** HDR histogram of response latencies, encoded (metrics/histogram.ts). */
  histogram: string;
  ok: number;
  errors: ErrorCounts;
  bytes: number;
}

export interface PhaseTotals {
  /** Requests handed to the network. */
  sent: number;
  /** Arrivals or iterations not started because the request cap was reached. */
  capped: boolean;
  stopped: boolean;
  /** Open model: arrivals started more than LATE_MS after their scheduled time (the generator was short of CPU). */
  lateArrivals: number;
  maxLagMs: number;
}

export const LATE_MS = 10;

export type FromWorker =
  | { type: 'ready' }
  | { type: 'second'; phase: number; bucket: SecondBucket }
  | { type: 'phase-done'; phase: number; totals: PhaseTotals }
  | { type: 'fatal'; message: string };
