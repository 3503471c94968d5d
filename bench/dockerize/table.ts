import { median } from '../support/stats.js';
import type { Measured } from './measure.js';

export interface Row {
  repo: string;
  side: 'ours' | 'theirs';
  m: Measured;
}

const mb = (b?: number) => (b === undefined ? '-' : (b / 1e6).toFixed(0));
const s = (ms?: number) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));
const yes = (v: boolean) => (v ? 'yes' : 'no');

export function success(m: Measured): boolean {
  return m.built && m.started && m.answered;
}

export function formatTable(rows: Row[]): string {
  const head = ['repo', 'side', 'ok', 'build', 'start', 'answers', 'size MB', 'cold s', 'rebuild s', 'rebuild/cold', 'stop s', 'failure'];
  const body = rows.map((r) => [
    r.repo,
    r.side,
    yes(success(r.m)),
    yes(r.m.built),
    yes(r.m.started),
    yes(r.m.answered),
    mb(r.m.sizeBytes),
    s(r.m.coldMs),
    s(r.m.rebuildMs),
    r.m.coldMs && r.m.rebuildMs ? `${Math.round((100 * r.m.rebuildMs) / r.m.coldMs)}%` : '-',
    r.m.stopMs === undefined ? '-' : `${s(r.m.stopMs)}${r.m.stopExit === 137 ? ' (killed)' : ''}`,
    r.m.failure ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => Math.min(b[i]!.length, i === head.length - 1 ? 200 : 60))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export function summary(rows: Row[]): string {
  const side = (x: 'ours' | 'theirs') => rows.filter((r) => r.side === x).map((r) => r.m);
  const ours = side('ours');
  const theirs = side('theirs');
  const rate = (ms: Measured[]) => (ms.length ? ms.filter(success).length / ms.length : 0);
  const sizes = (ms: Measured[]) => ms.filter(success).map((m) => m.sizeBytes!).filter((x) => x !== undefined);
  const ratios = ours.filter((m) => m.coldMs && m.rebuildMs).map((m) => m.rebuildMs! / m.coldMs!);
  // NaN when none built: printed as n/a, and every comparison with it is false.
  const medOurs = median(sizes(ours));
  const medTheirs = median(sizes(theirs));
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  return [
    `success (build, start, answers on port): ours ${ours.filter(success).length}/${ours.length} (${pct(rate(ours))}), theirs ${theirs.filter(success).length}/${theirs.length} (${pct(rate(theirs))})`,
    `  target ≥ 90% and not below theirs: ${rate(ours) >= 0.9 && rate(ours) >= rate(theirs) ? 'met' : 'NOT met'}`,
    `median image size of successful builds: ours ${medOurs ? `${(medOurs / 1e6).toFixed(0)} MB` : 'n/a'}, theirs ${medTheirs ? `${(medTheirs / 1e6).toFixed(0)} MB` : 'n/a (none built)'}`,
    `  target not above theirs: ${Number.isNaN(medTheirs) ? 'not comparable (none of theirs built here)' : medOurs <= medTheirs ? 'met' : 'NOT met'}`,
    `rebuild after a one-line source change / cold build (ours): median ${ratios.length ? pct(median(ratios)) : 'n/a'}, max ${ratios.length ? pct(Math.max(...ratios)) : 'n/a'}`,
    `  target ≤ 25%: ${ratios.length && median(ratios) <= 0.25 ? 'met (median)' : 'NOT met (median)'}; repos within it: ${ratios.filter((r) => r <= 0.25).length}/${ratios.length}`,
  ].join('\n');
}
