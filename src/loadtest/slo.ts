import { EXIT, UserError } from '../errors.js';
import { parseDuration } from './duration.js';
import type { LatencySummary } from './metrics/histogram.js';

export const LATENCY_METRICS = ['p50', 'p90', 'p95', 'p99', 'p99.9', 'max', 'mean'] as const;
export type LatencyMetric = (typeof LATENCY_METRICS)[number];

export type Objective =
  | { kind: 'latency'; metric: LatencyMetric; maxMs: number; inclusive: boolean; text: string }
  | { kind: 'errors'; maxRatio: number; inclusive: boolean; text: string };

export interface ObjectiveResult {
  objective: string;
  actual: number;
  unit: 'ms' | '%';
  passed: boolean;
}

export const DEFAULT_SLO = 'p99<1s,errors<1%';

/** Parses `--slo "p99<300ms,errors<1%"`. */
export function parseSlo(text: string): Objective[] {
  const objectives = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseObjective);
  if (objectives.length === 0) throw sloError(text, 'it is empty');
  return objectives;
}

function parseObjective(text: string): Objective {
  const m = /^([a-z0-9.]+)\s*(<=|<)\s*(.+)$/i.exec(text);
  if (!m) throw sloError(text, 'expected <metric><<value>');
  const [, rawMetric = '', op, value = ''] = m;
  const metric = rawMetric.toLowerCase();
  const inclusive = op === '<=';
  if (metric === 'errors') {
    const pct = /^(\d+(?:\.\d+)?)%$/.exec(value.trim());
    if (!pct) throw sloError(text, 'errors take a percentage, e.g. errors<1%');
    return { kind: 'errors', maxRatio: Number(pct[1]) / 100, inclusive, text };
  }
  if (!(LATENCY_METRICS as readonly string[]).includes(metric)) {
    throw sloError(text, `unknown metric "${rawMetric}" (use ${LATENCY_METRICS.join(', ')} or errors)`);
  }
  const ms = /^\d+(\.\d+)?us$/.test(value.trim()) ? Number.parseFloat(value) / 1000 : parseDuration(value);
  if (ms === null || ms <= 0) throw sloError(text, `"${value}" is not a duration such as 300ms or 1s`);
  return { kind: 'latency', metric: metric as LatencyMetric, maxMs: ms, inclusive, text };
}

function sloError(text: string, why: string): UserError {
  return new UserError(`--slo: "${text}": ${why}`, EXIT.usage, 'write objectives like --slo "p99<300ms,errors<1%"');
}

export function evaluateSlo(objectives: readonly Objective[], latency: LatencySummary, errorRatio: number): ObjectiveResult[] {
  return objectives.map((o) => {
    const actual = o.kind === 'errors' ? errorRatio : latencyOf(latency, o.metric);
    const limit = o.kind === 'errors' ? o.maxRatio : o.maxMs;
    const passed = o.inclusive ? actual <= limit : actual < limit;
    return o.kind === 'errors'
      ? { objective: o.text, actual: round(actual * 100), unit: '%', passed }
      : { objective: o.text, actual: round(actual), unit: 'ms', passed };
  });
}

function latencyOf(s: LatencySummary, metric: LatencyMetric): number {
  if (s.count === 0) return Number.POSITIVE_INFINITY;
  return metric === 'p99.9' ? s.p99_9 : s[metric];
}

const round = (n: number): number => (Number.isFinite(n) ? Math.round(n * 1000) / 1000 : n);
