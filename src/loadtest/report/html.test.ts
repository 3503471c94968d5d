import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from './html.js';
import type { LoadTestReport } from './types.js';

const latency = { count: 3, min: 1, mean: 2, p50: 2, p90: 3, p95: 3, p99: 3, p99_9: 3, max: 3 };
const report: LoadTestReport = {
  version: 1,
  id: 'lt-1',
  startedAt: '2025-01-01T00:00:00.000Z',
  finishedAt: '2025-01-01T00:00:10.000Z',
  target: { url: 'http://127.0.0.1:7100/<script>' },
  profile: 'stress',
  model: 'open',
  settings: { rate: 10, durationMs: 1000, connections: 64, workers: 1, timeoutMs: 10_000, maxRequests: 100, slo: 'p99<1s' },
  scenario: { name: '"><img src=x>', requests: [{ name: 'GET /', method: 'GET', path: '/' }] },
  totals: { requests: 3, ok: 3, errors: { byKind: { status: 0, timeout: 0, connection: 0, response: 0 }, detail: {}, total: 0 }, errorRatio: 0, rps: 3, bytes: 6, latency },
  slo: { passed: true, results: [{ objective: 'p99<1s', actual: 3, unit: 'ms', passed: true }] },
  series: [0, 1, 2].map((t) => ({ t, phase: 0, offered: 10, ok: 1, errors: 0, p50: 2, p90: 3, p99: 3, max: 3 })),
  phases: [{ name: 'step 10/s', startSecond: 0, plannedMs: 1000, rate: 10, totals: { requests: 3, ok: 3, errors: { byKind: { status: 0, timeout: 0, connection: 0, response: 0 }, detail: {}, total: 0 }, errorRatio: 0, rps: 3, bytes: 6, latency } }],
  percentiles: [{ percentile: 0, ms: 1 }, { percentile: 50, ms: 2 }, { percentile: 100, ms: 3 }],
  stress: { knee: { kneeRps: 10, breakingRps: 20, lowerBound: false }, capacityRps: 10, steps: [{ rate: 10, achievedRps: 10, p50: 2, p99: 3, errorRatio: 0, passed: true, reasons: [] }, { rate: 20, achievedRps: 12, p50: 50, p99: 900, errorRatio: 0, passed: false, reasons: ['throughput'] }] },
  notes: [],
};

describe('HTML report', () => {
  const html = renderHtmlReport(report);

  it('is self-contained: inline SVG charts, no external resources, no scripts', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect((html.match(/<svg /g) ?? []).length).toBe(5);
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect(html).toContain('knee 10/s');
  });

  it('escapes everything that came from the run', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x>');
    expect(html).toContain('&lt;script&gt;');
  });
});
