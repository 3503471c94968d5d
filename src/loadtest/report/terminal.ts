import pc from 'picocolors';
import { formatDuration, formatLatency } from '../duration.js';
import { ERROR_KINDS } from '../metrics/errors.js';
import type { LoadTestReport } from './types.js';

/** The summary printed at the end of a run. */
export function renderSummary(r: LoadTestReport): string {
  const t = r.totals;
  const out: string[] = [];
  const load = r.model === 'open' ? `${r.settings.rate} req/s` : `${r.settings.vus} virtual users`;
  out.push(`${pc.bold('slipway loadtest')}  ${r.target.url}  ${r.profile} · ${r.model} model · ${load} · ${formatDuration(r.settings.durationMs)}${r.profile === 'stress' ? ' per step' : ''}`);
  out.push('');
  out.push(`  requests  ${t.requests} (${t.ok} ok, ${t.errors.total} failed, ${pct(t.errorRatio)})  ${t.rps} req/s`);
  const l = t.latency;
  out.push(`  latency   p50 ${formatLatency(l.p50)}  p90 ${formatLatency(l.p90)}  p99 ${formatLatency(l.p99)}  p99.9 ${formatLatency(l.p99_9)}  max ${formatLatency(l.max)}`);
  out.push(`  errors    ${ERROR_KINDS.map((k) => `${k} ${t.errors.byKind[k]}`).join(' · ')}`);
  const detail = Object.entries(t.errors.detail).sort((a, b) => b[1] - a[1]).slice(0, 5);
  if (detail.length) out.push(`            ${detail.map(([k, n]) => `${k}: ${n}`).join(', ')}`);
  if (r.stress) {
    out.push('');
    out.push(`  ${pc.bold('stress steps')}   offered/s  achieved/s      p99   errors`);
    for (const s of r.stress.steps) {
      const mark = s.passed ? pc.green('held  ') : s.repeated ? pc.yellow('again ') : pc.red('broke ');
      out.push(`    ${mark} ${pad(s.rate, 12)} ${pad(s.achievedRps, 11)} ${pad(formatLatency(s.p99), 8)} ${pad(pct(s.errorRatio), 8)}${s.passed ? '' : `  ${pc.dim(s.reasons.join('; '))}`}`);
    }
    const k = r.stress.knee;
    out.push(k.kneeRps === null ? `  ${pc.red('knee')}      no step held the SLO` : `  ${pc.bold('knee')}      ${k.kneeRps} req/s${k.breakingRps !== null ? ` (breaks at ${k.breakingRps} req/s)` : ' or more (never broke)'}`);
  }
  if (r.spike) {
    const s = r.spike;
    out.push(`  spike     ${s.baseRate}→${s.spikeRate} req/s: p99 ${formatLatency(s.baselineP99Ms)} → ${formatLatency(s.spikeP99Ms)}, ${s.spikeErrors} errors, ${s.recoverySeconds === null ? 'did not recover' : `recovered in ${s.recoverySeconds}s`}`);
  }
  if (r.soak) {
    out.push(`  soak      p99 ${formatLatency(r.soak.first.p99Ms)} → ${formatLatency(r.soak.last.p99Ms)} (${r.soak.p99DriftPercent}%), ${r.soak.degraded ? pc.red('degrades over time') : pc.green('stable')}`);
  }
  if (r.slo.results.length) {
    const items = r.slo.results.map((x) => `${x.passed ? pc.green('✓') : pc.red('✗')} ${x.objective} (${x.actual}${x.unit})`);
    out.push(`  SLO       ${items.join('  ')}${r.profile === 'stress' ? pc.dim('  at the knee') : ''}`);
  }
  if (r.sizing) {
    const z = r.sizing;
    out.push('');
    out.push(`  ${pc.bold('sizing')}    for ${z.targetRps} req/s: replicas ${z.minReplicas}–${z.maxReplicas} (HPA at ${z.hpaTargetCpuPercent}% CPU), requests ${z.requests.cpu} CPU / ${z.requests.memory}`);
    for (const line of z.explanation) out.push(`            ${pc.dim(line)}`);
  }
  for (const n of r.notes) out.push(`  ${pc.yellow('note')}      ${n}`);
  return `${out.join('\n')}\n`;
}

const pct = (ratio: number): string => `${Math.round(ratio * 10_000) / 100}%`;
const pad = (v: string | number, n: number): string => String(v).padStart(n);
