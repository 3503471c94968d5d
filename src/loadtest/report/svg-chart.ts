import { escapeHtml } from './escape.js';

/** Small inline-SVG line charts for the HTML report: no script, no CDN, readable when printed. */
export interface Series {
  name: string;
  color: string;
  points: [number, number][];
  dashed?: boolean;
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Vertical markers (the knee, the spike window). */
  markers?: { x: number; label: string }[];
  /** Custom x tick labels (the percentile chart's "99%", "99.9%" …). */
  xTicks?: { x: number; label: string }[];
  width?: number;
  height?: number;
}

const PAD = { left: 56, right: 16, top: 28, bottom: 40 };
const MAX_POINTS = 600;

export function lineChart(o: ChartOptions): string {
  const width = o.width ?? 760;
  const height = o.height ?? 240;
  const series = o.series.map((s) => ({ ...s, points: downsample(s.points) })).filter((s) => s.points.length > 0);
  const xs = series.flatMap((s) => s.points.map((p) => p[0])).concat((o.markers ?? []).map((m) => m.x));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  if (xs.length === 0) return `<p class="empty">${escapeHtml(o.title)}: no data</p>`;
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 1);
  const y1 = niceCeil(Math.max(...ys, 0) * 1.05 || 1);
  const w = width - PAD.left - PAD.right;
  const h = height - PAD.top - PAD.bottom;
  const sx = (x: number): number => PAD.left + ((x - x0) / (x1 - x0)) * w;
  const sy = (y: number): number => PAD.top + h - (y / y1) * h;
  const parts: string[] = [];
  parts.push(`<text x="${PAD.left}" y="16" class="title">${escapeHtml(o.title)}</text>`);
  for (const t of ticks(0, y1, 5)) {
    parts.push(`<line x1="${PAD.left}" x2="${PAD.left + w}" y1="${f(sy(t))}" y2="${f(sy(t))}" class="grid"/>`);
    parts.push(`<text x="${PAD.left - 6}" y="${f(sy(t) + 4)}" class="tick" text-anchor="end">${escapeHtml(short(t))}</text>`);
  }
  const xTicks = o.xTicks ?? ticks(x0, x1, 8).map((x) => ({ x, label: short(x) }));
  for (const t of xTicks) {
    const anchor = sx(t.x) > PAD.left + w - 24 ? 'end' : 'middle';
    parts.push(`<text x="${f(sx(t.x))}" y="${PAD.top + h + 16}" class="tick" text-anchor="${anchor}">${escapeHtml(t.label)}</text>`);
  }
  for (const m of o.markers ?? []) {
    parts.push(`<line x1="${f(sx(m.x))}" x2="${f(sx(m.x))}" y1="${PAD.top}" y2="${PAD.top + h}" class="marker"/>`);
    parts.push(`<text x="${f(sx(m.x) + 4)}" y="${PAD.top + 12}" class="tick">${escapeHtml(m.label)}</text>`);
  }
  for (const s of series) {
    const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${f(sx(p[0]))},${f(sy(p[1]))}`).join('');
    parts.push(`<path d="${d}" fill="none" stroke="${escapeHtml(s.color)}" stroke-width="1.6"${s.dashed ? ' stroke-dasharray="5 4"' : ''}><title>${escapeHtml(s.name)}</title></path>`);
    if (s.points.length <= 40) {
      for (const p of s.points) parts.push(`<circle cx="${f(sx(p[0]))}" cy="${f(sy(p[1]))}" r="2.5" fill="${escapeHtml(s.color)}"><title>${escapeHtml(`${s.name}: ${short(p[1])} at ${short(p[0])}`)}</title></circle>`);
    }
  }
  parts.push(`<text x="${PAD.left + w / 2}" y="${height - 4}" class="axis" text-anchor="middle">${escapeHtml(o.xLabel)}</text>`);
  parts.push(`<text x="12" y="${PAD.top + h / 2}" class="axis" text-anchor="middle" transform="rotate(-90 12 ${PAD.top + h / 2})">${escapeHtml(o.yLabel)}</text>`);
  const legend = series
    .map((s) => `<span class="key"><i style="background:${escapeHtml(s.color)}"></i>${escapeHtml(s.name)}</span>`)
    .join('');
  return `<figure><svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(o.title)}">${parts.join('')}</svg><figcaption>${legend}</figcaption></figure>`;
}

/** Keeps at most MAX_POINTS points, taking each bucket's highest value so peaks stay visible. */
function downsample(points: [number, number][]): [number, number][] {
  if (points.length <= MAX_POINTS) return points;
  const size = Math.ceil(points.length / MAX_POINTS);
  const out: [number, number][] = [];
  for (let i = 0; i < points.length; i += size) {
    const bucket = points.slice(i, i + size);
    out.push([bucket[0]?.[0] ?? 0, Math.max(...bucket.map((p) => p[1]))]);
  }
  return out;
}

function ticks(from: number, to: number, count: number): number[] {
  const step = niceStep((to - from) / count);
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to + step * 1e-9; t += step) out.push(Math.round(t * 1e6) / 1e6);
  return out;
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function niceCeil(v: number): number {
  const step = niceStep(v / 5);
  return Math.ceil(v / step) * step;
}

const f = (n: number): string => n.toFixed(1);
const short = (n: number): string => (Math.abs(n) >= 1000 ? `${Math.round(n / 100) / 10}k` : String(Math.round(n * 100) / 100));
