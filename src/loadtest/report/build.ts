import { findKnee } from '../analysis/knee.js';
import { analyzeSoak } from '../analysis/soak.js';
import { analyzeSpike } from '../analysis/spike.js';
import { LATE_MS, type LoadShape } from '../generator/messages.js';
import type { PhaseRun, SecondStats } from '../generator/pool.js';
import { addErrors, emptyErrors, totalErrors } from '../metrics/errors.js';
import { createHistogram, percentileCurve, summarize, type LatencyHistogram } from '../metrics/histogram.js';
import { spikeShape } from '../profiles/plan.js';
import type { RunData } from '../run.js';
import type { LoadTestSettings } from '../settings.js';
import { evaluateSlo } from '../slo.js';
import { displayUrl } from '../target.js';
import type { LoadTestReport, PhaseSummary, SeriesPoint, Totals } from './types.js';

export interface ReportContext {
  id: string;
  env?: string;
  component?: string;
}

/** Turns a run into its report (pure): totals, per-second series, SLO verdict, profile findings. */
export function buildReport(s: LoadTestSettings, data: RunData, ctx: ReportContext): LoadTestReport {
  const all = createHistogram();
  const runs = data.phases.map((p) => p.run);
  for (const r of runs) all.add(r.histogram);
  const totals = totalsOf(runs, all);
  const series: SeriesPoint[] = [];
  const phases: PhaseSummary[] = [];
  const runStart = runs[0]?.startAt ?? data.startedAt.getTime();
  data.phases.forEach((p, i) => {
    const startSecond = Math.max(0, Math.round((p.run.startAt - runStart) / 1000));
    for (const sec of p.run.seconds) series.push(point(sec, i, startSecond, p.shape));
    phases.push({
      name: p.name,
      startSecond,
      plannedMs: p.plannedMs,
      ...(p.shape.model === 'open' ? { rate: p.shape.stages[0]?.rate ?? 0 } : { vus: p.shape.vus }),
      totals: totalsOf([p.run], p.run.histogram),
    });
  });
  const report: LoadTestReport = {
    version: 1,
    id: ctx.id,
    startedAt: data.startedAt.toISOString(),
    finishedAt: data.finishedAt.toISOString(),
    target: { url: displayUrl(s.url), ...(ctx.env ? { env: ctx.env } : {}), ...(ctx.component ? { component: ctx.component } : {}) },
    profile: s.profile,
    model: s.model,
    settings: {
      ...(s.model === 'open' ? { rate: s.rate } : { vus: s.vus }),
      durationMs: s.durationMs,
      connections: s.connections,
      workers: s.workers,
      timeoutMs: s.timeoutMs,
      maxRequests: s.maxRequests,
      slo: s.sloText,
      ...(s.profile === 'stress' ? { maxRate: s.stress.maxRate } : {}),
      ...(s.profile === 'spike' ? { spikeFactor: s.spikeFactor } : {}),
    },
    scenario: {
      name: s.scenario.name,
      ...(s.scenario.file ? { file: s.scenario.file } : {}),
      requests: s.scenario.requests.map((r) => ({ name: r.name, method: r.method, path: r.path })),
    },
    totals,
    slo: { passed: false, results: [] },
    series,
    phases,
    percentiles: percentileCurve(all),
    ...(data.stopReason ? { stopReason: data.stopReason } : {}),
    notes: [],
  };
  if (s.profile === 'stress') addStress(report, data);
  else {
    const results = evaluateSlo(s.slo, totals.latency, totals.errorRatio);
    report.slo = { passed: results.every((r) => r.passed) && totals.requests > 0, results };
  }
  const only = data.phases[0];
  if (s.profile === 'spike' && only) {
    const shape = spikeShape(s);
    report.spike = { ...shape, ...analyzeSpike(only.run.seconds, shape) };
  }
  if (s.profile === 'soak' && only) {
    const soak = analyzeSoak(only.run.seconds);
    if (soak) report.soak = soak;
    else report.notes.push('the soak run was too short (under 10 seconds with responses) to compare its start and end');
  }
  const late = runs.reduce((n, r) => n + r.lateArrivals, 0);
  const arrivals = runs.reduce((n, r) => n + r.sent, 0);
  if (late > 0 && late >= arrivals * 0.01) {
    const worst = Math.max(...runs.map((r) => r.maxLagMs));
    report.notes.push(
      `the generator started ${Math.round((late / arrivals) * 1000) / 10}% of arrivals more than ${LATE_MS} ms late (worst ${worst} ms): it was short of CPU, and those latencies include the lag — use more --workers, a lower rate, or a quieter machine`,
    );
  }
  if (data.stopReason === 'request cap') report.notes.push(`stopped at the request cap (${s.maxRequests}); raise --max-requests to go further`);
  if (data.stopReason === 'interrupted') report.notes.push('interrupted before the end: figures cover the part that ran');
  return report;
}

function addStress(report: LoadTestReport, data: RunData): void {
  const all = data.phases.flatMap((p) => (p.step ? [p.step] : []));
  const outcomes = all.filter((o) => !o.discarded);
  const knee = findKnee(outcomes);
  report.stress = {
    knee,
    capacityRps: knee.kneeRps,
    steps: all.map((o) => ({
      rate: o.rate,
      achievedRps: o.achievedRps,
      p50: o.latency.p50,
      p99: o.latency.p99,
      errorRatio: o.errorRatio,
      passed: o.passed,
      reasons: o.reasons,
      ...(o.discarded ? { repeated: true } : {}),
    })),
  };
  const kneeStep = outcomes.find((o) => o.rate === knee.kneeRps);
  report.slo = { passed: kneeStep !== undefined, results: kneeStep?.slo ?? [] };
  if (knee.kneeRps === null && outcomes.length) report.notes.push(`no step held the SLO, down to ${Math.min(...outcomes.map((o) => o.rate))} req/s: check the target, or relax --slo`);
  if (knee.lowerBound) report.notes.push(`no step broke the SLO up to ${knee.kneeRps} req/s (--max-rate): the capacity is at least that`);
}

function totalsOf(runs: PhaseRun[], histogram: LatencyHistogram): Totals {
  const errors = emptyErrors();
  let ok = 0;
  let bytes = 0;
  let ms = 0;
  for (const r of runs) {
    addErrors(errors, r.errors);
    ok += r.ok;
    bytes += r.bytes;
    ms += Math.max(1, r.endAt - r.startAt);
  }
  const total = totalErrors(errors);
  const requests = ok + total;
  return {
    requests,
    ok,
    errors: { ...errors, total },
    errorRatio: requests === 0 ? 0 : total / requests,
    rps: Math.round((requests / (ms / 1000)) * 10) / 10,
    bytes,
    latency: summarize(histogram),
  };
}

function point(sec: SecondStats, phase: number, offset: number, shape: LoadShape): SeriesPoint {
  return {
    t: offset + sec.second,
    phase,
    ...(shape.model === 'open' ? { offered: offeredAt(shape.stages, sec.second) } : {}),
    ok: sec.ok,
    errors: totalErrors(sec.errors),
    p50: sec.latency.p50,
    p90: sec.latency.p90,
    p99: sec.latency.p99,
    max: sec.latency.max,
  };
}

function offeredAt(stages: { durationMs: number; rate: number }[], second: number): number {
  let start = 0;
  for (const st of stages) {
    if (second * 1000 < start + st.durationMs) return st.rate;
    start += st.durationMs;
  }
  return 0;
}
