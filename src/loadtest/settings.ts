import { availableParallelism } from 'node:os';
import { EXIT, UserError } from '../errors.js';
import { LIMITS } from './limits.js';
import type { Scenario } from './scenario/types.js';
import { DEFAULT_SLO, parseSlo, type Objective } from './slo.js';

export const PROFILES = ['load', 'stress', 'spike', 'soak'] as const;
export type Profile = (typeof PROFILES)[number];

/** Everything a run needs, validated, with defaults and hard caps applied. */
export interface LoadTestSettings {
  url: URL;
  profile: Profile;
  model: 'open' | 'closed';
  /** Open model: arrivals per second (stress: the first step's rate; spike: the baseline). */
  rate: number;
  /** Closed model: virtual users. */
  vus: number;
  /** Load and soak: the run; spike: the whole baseline–spike–baseline run; stress: each step. */
  durationMs: number;
  connections: number;
  workers: number;
  timeoutMs: number;
  slo: Objective[];
  sloText: string;
  maxRequests: number;
  scenario: Scenario;
  stress: { maxRate: number; cooldownMs: number; maxSteps: number };
  spikeFactor: number;
  /** Unmeasured load before the first phase: connections opened, both sides' code warm. */
  warmupMs: number;
}

/** Unset values take the profile's defaults. */
export interface RawSettings {
  url: URL;
  profile?: string | undefined;
  rate?: number | undefined;
  vus?: number | undefined;
  durationMs?: number | undefined;
  connections?: number | undefined;
  workers?: number | undefined;
  timeoutMs?: number | undefined;
  slo?: string | undefined;
  maxRequests?: number | undefined;
  maxRate?: number | undefined;
  spikeFactor?: number | undefined;
  cooldownMs?: number | undefined;
  warmupMs?: number | undefined;
  scenario: Scenario;
}

const DEFAULTS: Record<Profile, { rate: number; durationMs: number }> = {
  load: { rate: 50, durationMs: 30_000 },
  stress: { rate: 10, durationMs: 10_000 },
  spike: { rate: 20, durationMs: 60_000 },
  soak: { rate: 20, durationMs: 30 * 60_000 },
};

export function resolveSettings(raw: RawSettings): LoadTestSettings {
  const profile = (raw.profile ?? 'load') as Profile;
  if (!PROFILES.includes(profile)) throw usage(`--profile ${raw.profile}: use one of ${PROFILES.join(', ')}`);
  if (raw.rate !== undefined && raw.vus !== undefined) throw usage('--rate (open model) and --vus (closed model) exclude each other');
  const model = raw.vus !== undefined ? 'closed' : 'open';
  if (model === 'closed' && (profile === 'stress' || profile === 'spike')) {
    throw usage(`--profile ${profile} steps the arrival rate: use --rate, not --vus`);
  }
  const d = DEFAULTS[profile];
  const rate = raw.rate ?? d.rate;
  const vus = raw.vus ?? 0;
  const durationMs = raw.durationMs ?? d.durationMs;
  positive('--rate', rate, LIMITS.maxRate);
  if (model === 'closed') positive('--vus', vus, LIMITS.maxVus, true);
  if (durationMs < 1000) throw usage('--duration: at least 1s');
  const maxDuration = LIMITS.maxDurationMs[profile];
  if (profile !== 'stress' && durationMs > maxDuration) throw usage(`--duration: a ${profile} run is capped at ${maxDuration / 60_000} minutes`);
  const maxRequests = raw.maxRequests ?? LIMITS.defaultMaxRequests;
  positive('--max-requests', maxRequests, LIMITS.absoluteMaxRequests, true);
  const workers = raw.workers ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  positive('--workers', workers, LIMITS.maxWorkers, true);
  const connections = raw.connections ?? (model === 'closed' ? vus : 64);
  positive('--connections', connections, LIMITS.maxConnections, true);
  const timeoutMs = raw.timeoutMs ?? 10_000;
  if (timeoutMs < 10 || timeoutMs > LIMITS.maxTimeoutMs) throw usage(`--timeout: between 10ms and ${LIMITS.maxTimeoutMs / 1000}s`);
  const sloText = raw.slo ?? DEFAULT_SLO;
  const spikeFactor = raw.spikeFactor ?? 5;
  if (!(spikeFactor > 1)) throw usage('--spike-factor: more than 1');
  const maxRate = raw.maxRate ?? Math.min(LIMITS.maxRate, 20_000);
  positive('--max-rate', maxRate, LIMITS.maxRate);
  const maxSteps = Math.min(LIMITS.maxStressSteps, Math.floor(maxDuration / durationMs));
  if (maxSteps < 2) throw usage(`--duration: a stress step of ${durationMs / 1000}s leaves room for fewer than 2 steps in ${maxDuration / 60_000} minutes`);
  return {
    url: raw.url,
    profile,
    model,
    rate,
    vus,
    durationMs,
    connections: Math.max(connections, model === 'closed' ? vus : 1),
    workers: Math.min(workers, model === 'closed' ? vus : workers),
    timeoutMs,
    slo: parseSlo(sloText),
    sloText,
    maxRequests,
    scenario: raw.scenario,
    stress: { maxRate, cooldownMs: raw.cooldownMs ?? 2000, maxSteps },
    spikeFactor,
    // Stress warms up for one step by default: a cold first step would pass for the knee.
    warmupMs: Math.min(raw.warmupMs ?? (profile === 'stress' ? Math.min(durationMs, 5000) : 0), 60_000),
  };
}

/** Requests a fixed-shape open run will send: refused up front when past the cap. */
export function plannedRequests(s: LoadTestSettings, stages: { durationMs: number; rate: number }[]): number {
  const arrivals = stages.reduce((n, st) => n + (st.rate * st.durationMs) / 1000, 0);
  return Math.ceil(arrivals * s.scenario.requests.length);
}

function positive(flag: string, value: number, max: number, integer = false): void {
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) throw usage(`${flag}: a positive ${integer ? 'integer' : 'number'}`);
  if (value > max) throw usage(`${flag}: at most ${max} (a hard cap)`);
}

function usage(message: string): UserError {
  return new UserError(message, EXIT.usage);
}
