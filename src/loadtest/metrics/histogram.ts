import * as hdr from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';

/**
 * Latency histograms: HDR, recorded in microseconds with 3 significant digits (0.1%
 * resolution) from 1µs to one hour, so percentiles are exact to the bucket and histograms
 * from several workers and seconds add up without loss.
 */
export type LatencyHistogram = Histogram;

const HIGHEST_US = 3_600_000_000;

export function createHistogram(): LatencyHistogram {
  return hdr.build({ bitBucketSize: 32, lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3 });
}

/** Milliseconds as the whole microseconds a histogram records, within its range. */
export function toMicros(ms: number): number {
  return Math.min(HIGHEST_US, Math.max(1, Math.round(ms * 1000)));
}

export function recordMs(h: LatencyHistogram, ms: number): void {
  h.recordValue(toMicros(ms));
}

/** For postMessage between worker threads: compact and lossless. */
export function encodeHistogram(h: LatencyHistogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

export function decodeHistogram(encoded: string): LatencyHistogram {
  const decoded = hdr.decodeFromCompressedBase64(encoded, 32);
  const h = createHistogram();
  h.add(decoded);
  return h;
}

export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p99_9: number;
  max: number;
}

const ms = (us: number): number => Math.round(us) / 1000;

export function summarize(h: LatencyHistogram): LatencySummary {
  if (h.totalCount === 0) return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p99_9: 0, max: 0 };
  return {
    count: h.totalCount,
    min: ms(h.minNonZeroValue),
    mean: ms(h.mean),
    p50: ms(h.getValueAtPercentile(50)),
    p90: ms(h.getValueAtPercentile(90)),
    p95: ms(h.getValueAtPercentile(95)),
    p99: ms(h.getValueAtPercentile(99)),
    p99_9: ms(h.getValueAtPercentile(99.9)),
    max: ms(h.maxValue),
  };
}

/** Points for the percentile-distribution chart: 0%, 50%, 75%, 87.5% … up to the max. */
export function percentileCurve(h: LatencyHistogram, points = 24): { percentile: number; ms: number }[] {
  if (h.totalCount === 0) return [];
  const out: { percentile: number; ms: number }[] = [];
  for (let i = 0; i < points; i++) {
    const percentile = 100 * (1 - 1 / 2 ** i);
    out.push({ percentile: Math.round(percentile * 10_000) / 10_000, ms: ms(h.getValueAtPercentile(percentile)) });
  }
  out.push({ percentile: 100, ms: ms(h.maxValue) });
  return out;
}
