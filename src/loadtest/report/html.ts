import { formatDuration, formatLatency } from '../duration.js';
import { ERROR_KINDS } from '../metrics/errors.js';
import { escapeHtml as e } from './escape.js';
import { lineChart, type Series } from './svg-chart.js';
import type { LoadTestReport } from './types.js';

/** The self-contained HTML report: inline CSS and SVG, nothing fetched when it is opened. */
export function renderHtmlReport(r: LoadTestReport): string {
  const sections = [summary(r), sloTable(r), charts(r), stressSection(r), spikeSection(r), soakSection(r), sizingSection(r), errorsTable(r), phasesTable(r), notes(r)];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Load test ${e(r.id)} — ${e(r.target.url)}</title>
<style>${CSS}</style></head>
<body><main>
<h1>Load test <code>${e(r.id)}</code></h1>
<p class="meta">${e(r.profile)} profile, ${r.model === 'open' ? 'open model (constant arrival rate)' : 'closed model (virtual users)'} · target <code>${e(r.target.url)}</code>${r.target.env ? ` (environment ${e(r.target.env)})` : ''} · ${e(r.startedAt)} → ${e(r.finishedAt)}</p>
${sections.filter(Boolean).join('\n')}
</main></body></html>
`;
}

function summary(r: LoadTestReport): string {
  const t = r.totals;
  const card = (label: string, value: string): string => `<div class="card"><span>${e(label)}</span><b>${e(value)}</b></div>`;
  return `<section class="cards">${[
    card('requests', String(t.requests)),
    card('throughput', `${t.rps} req/s`),
    card('errors', `${t.errors.total} (${pct(t.errorRatio)})`),
    card('p50', formatLatency(t.latency.p50)),
    card('p90', formatLatency(t.latency.p90)),
    card('p99', formatLatency(t.latency.p99)),
    card('p99.9', formatLatency(t.latency.p99_9)),
    card('max', formatLatency(t.latency.max)),
  ].join('')}</section>`;
}

function sloTable(r: LoadTestReport): string {
  if (r.slo.results.length === 0) return '';
  const rows = r.slo.results.map((x) => `<tr><td>${e(x.objective)}</td><td>${e(x.actual)}${e(x.unit)}</td><td class="${x.passed ? 'pass' : 'fail'}">${x.passed ? 'met' : 'broken'}</td></tr>`).join('');
  const scope = r.profile === 'stress' ? 'at the knee step' : 'over the whole run';
  return `<section><h2>SLO ${scope}: <span class="${r.slo.passed ? 'pass' : 'fail'}">${r.slo.passed ? 'met' : 'not met'}</span></h2><table><tr><th>objective</th><th>measured</th><th></th></tr>${rows}</table></section>`;
}

function charts(r: LoadTestReport): string {
  const s = r.series;
  const throughput: Series[] = [
    { name: 'ok/s', color: '#2b7a3d', points: s.map((p) => [p.t, p.ok]) },
    { name: 'errors/s', color: '#c0392b', points: s.map((p) => [p.t, p.errors]) },
  ];
  if (s.some((p) => p.offered !== undefined)) throughput.unshift({ name: 'offered/s', color: '#888', dashed: true, points: s.map((p) => [p.t, p.offered ?? 0]) });
  const latency: Series[] = [
    { name: 'p50', color: '#2c6fbb', points: s.map((p) => [p.t, p.p50]) },
    { name: 'p90', color: '#8e44ad', points: s.map((p) => [p.t, p.p90]) },
    { name: 'p99', color: '#d35400', points: s.map((p) => [p.t, p.p99]) },
  ];
  const markers = r.spike ? [ { x: r.spike.spikeFrom, label: 'spike' }, { x: r.spike.spikeTo, label: 'end' } ] : [];
  const nines = (p: number): number => (p >= 100 ? NaN : -Math.log10(1 - p / 100));
  const curve = r.percentiles.filter((p) => p.percentile < 100).map((p): [number, number] => [nines(p.percentile), p.ms]);
  const maxNine = Math.ceil(Math.max(1, ...curve.map((c) => c[0])));
  const xTicks = Array.from({ length: maxNine + 1 }, (_, i) => ({ x: i, label: i === 0 ? '0%' : `${(100 - 100 / 10 ** i).toFixed(Math.max(0, i - 2))}%` }));
  return `<section><h2>Over time</h2>
${lineChart({ title: 'Throughput', xLabel: 'seconds', yLabel: 'requests/s', series: throughput, markers })}
${lineChart({ title: 'Latency per second', xLabel: 'seconds', yLabel: 'ms', series: latency, markers })}
<h2>Latency distribution</h2>
${lineChart({ title: 'Latency by percentile (whole run)', xLabel: 'percentile', yLabel: 'ms', series: [{ name: 'latency', color: '#d35400', points: curve }], xTicks })}
</section>`;
}

function stressSection(r: LoadTestReport): string {
  if (!r.stress) return '';
  const { knee, steps } = r.stress;
  const sorted = steps.filter((x) => !x.repeated).sort((a, b) => a.rate - b.rate);
  const markers = knee.kneeRps !== null ? [{ x: knee.kneeRps, label: `knee ${knee.kneeRps}/s` }] : [];
  const chart =
    lineChart({
      title: 'Stress steps: achieved vs offered rate',
      xLabel: 'offered req/s',
      yLabel: 'req/s',
      series: [
        { name: 'achieved', color: '#2b7a3d', points: sorted.map((x) => [x.rate, x.achievedRps]) },
        { name: 'offered', color: '#888', dashed: true, points: sorted.map((x) => [x.rate, x.rate]) },
      ],
      markers,
    }) +
    lineChart({
      title: 'Stress steps: latency',
      xLabel: 'offered req/s',
      yLabel: 'ms',
      series: [
        { name: 'p50', color: '#2c6fbb', points: sorted.map((x) => [x.rate, x.p50]) },
        { name: 'p99', color: '#d35400', points: sorted.map((x) => [x.rate, x.p99]) },
      ],
      markers,
    });
  const rows = steps
    .map((x, i) => `<tr><td>${i + 1}</td><td>${x.rate}</td><td>${x.achievedRps}</td><td>${e(formatLatency(x.p50))}</td><td>${e(formatLatency(x.p99))}</td><td>${pct(x.errorRatio)}</td><td class="${x.passed ? 'pass' : 'fail'}">${x.passed ? 'held' : e(`${x.repeated ? 'repeated (not counted): ' : ''}${x.reasons.join('; ')}`)}</td></tr>`)
    .join('');
  const verdict =
    knee.kneeRps === null
      ? 'no step held the SLO'
      : `highest sustainable rate: <b>${knee.kneeRps} req/s</b>${knee.breakingRps !== null ? `, breaks at ${knee.breakingRps} req/s` : ' (not broken: a lower bound)'}`;
  return `<section><h2>Stress: the knee</h2><p>${verdict}</p>${chart}<table><tr><th>#</th><th>offered/s</th><th>achieved/s</th><th>p50</th><th>p99</th><th>errors</th><th>verdict</th></tr>${rows}</table></section>`;
}

function spikeSection(r: LoadTestReport): string {
  if (!r.spike) return '';
  const x = r.spike;
  return `<section><h2>Spike</h2><p>${x.baseRate} → ${x.spikeRate} req/s from second ${x.spikeFrom} to ${x.spikeTo}. p99 at baseline ${e(formatLatency(x.baselineP99Ms))}, worst second during the spike ${e(formatLatency(x.spikeP99Ms))}, ${x.spikeErrors} errors during the spike; ${
    x.recoverySeconds === null ? 'latency did not return to the baseline before the end' : `back to baseline ${x.recoverySeconds}s after the spike`
  }.</p></section>`;
}

function soakSection(r: LoadTestReport): string {
  if (!r.soak) return '';
  const x = r.soak;
  const row = (label: string, w: typeof x.first): string => `<tr><td>${label}</td><td>${w.fromSecond}–${w.toSecond}s</td><td>${w.rps}</td><td>${e(formatLatency(w.p99Ms))}</td><td>${pct(w.errorRatio)}</td></tr>`;
  return `<section><h2>Soak: start vs end</h2><table><tr><th></th><th>window</th><th>req/s</th><th>median p99</th><th>errors</th></tr>${row('first tenth', x.first)}${row('last tenth', x.last)}</table><p class="${x.degraded ? 'fail' : 'pass'}">p99 drift ${x.p99DriftPercent}%, throughput drift ${x.throughputDriftPercent}%: ${x.degraded ? 'degrades over time (look for a leak or an exhausted pool)' : 'stable'}.</p></section>`;
}

function sizingSection(r: LoadTestReport): string {
  if (!r.sizing) return '';
  const z = r.sizing;
  return `<section><h2>Sizing for ${z.targetRps} req/s</h2><table>
<tr><td>replicas (HPA min / max)</td><td><b>${z.minReplicas} / ${z.maxReplicas}</b> (${z.replicas} carry the target)</td></tr>
<tr><td>requests</td><td>${e(z.requests.cpu)} CPU, ${e(z.requests.memory)} memory (${e(z.tier)} tier)</td></tr>
<tr><td>limits</td><td>${e(z.limits.cpu)} CPU, ${e(z.limits.memory)} memory</td></tr>
<tr><td>HPA CPU target</td><td>${z.hpaTargetCpuPercent}%</td></tr></table>
<ol>${z.explanation.map((l) => `<li>${e(l)}</li>`).join('')}</ol></section>`;
}

function errorsTable(r: LoadTestReport): string {
  const kinds = ERROR_KINDS.map((k) => `<tr><td>${k}</td><td>${r.totals.errors.byKind[k]}</td></tr>`).join('');
  const detail = Object.entries(r.totals.errors.detail)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `<tr><td>${e(k)}</td><td>${n}</td></tr>`)
    .join('');
  return `<section><h2>Errors by kind</h2><table><tr><th>kind</th><th>count</th></tr>${kinds}</table>${detail ? `<table><tr><th>cause</th><th>count</th></tr>${detail}</table>` : ''}</section>`;
}

function phasesTable(r: LoadTestReport): string {
  const rows = r.phases
    .map((p) => `<tr><td>${e(p.name)}</td><td>${p.startSecond}s</td><td>${e(formatDuration(p.plannedMs))}</td><td>${p.totals.requests}</td><td>${p.totals.rps}</td><td>${e(formatLatency(p.totals.latency.p99))}</td><td>${p.totals.errors.total}</td></tr>`)
    .join('');
  const scenario = r.scenario.requests.map((q) => `<li><code>${e(q.method)} ${e(q.path)}</code> ${e(q.name)}</li>`).join('');
  return `<section><h2>Phases</h2><table><tr><th>phase</th><th>start</th><th>planned</th><th>requests</th><th>req/s</th><th>p99</th><th>errors</th></tr>${rows}</table>
<h2>Scenario ${e(r.scenario.name)}</h2><ul>${scenario}</ul>
<p class="meta">${r.settings.connections} connections, ${r.settings.workers} worker thread(s), timeout ${e(formatDuration(r.settings.timeoutMs))}, request cap ${r.settings.maxRequests}, SLO <code>${e(r.settings.slo)}</code></p></section>`;
}

function notes(r: LoadTestReport): string {
  return r.notes.length ? `<section><h2>Notes</h2><ul>${r.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul></section>` : '';
}

const pct = (ratio: number): string => `${Math.round(ratio * 10_000) / 100}%`;

const CSS = `body{font:14px/1.45 system-ui,sans-serif;color:#222;background:#fafafa;margin:0}main{max-width:900px;margin:0 auto;padding:24px}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}code{background:#eee;padding:1px 4px;border-radius:3px}.meta{color:#666}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:8px}.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px}
.card span{display:block;color:#666;font-size:12px}.card b{font-size:18px}table{border-collapse:collapse;margin:8px 0;background:#fff}
td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}.pass{color:#2b7a3d}.fail{color:#c0392b}
figure{margin:12px 0;background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px}svg .grid{stroke:#eee}svg .marker{stroke:#999;stroke-dasharray:3 3}
svg .tick,svg .axis{font-size:11px;fill:#666}svg .title{font-size:13px;font-weight:600;fill:#222}
figcaption .key{margin-right:12px;font-size:12px}figcaption i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}`;
