import { countError, emptyErrors, type ErrorKind } from '../metrics/errors.js';
import { createHistogram, encodeHistogram, recordMs, type LatencyHistogram } from '../metrics/histogram.js';
import { now } from './clock.js';
import type { SecondBucket } from './messages.js';

/**
 * Collects outcomes into one-second buckets (by completion time) and hands each finished
 * second to `flush`, so the main thread sees a live time series and merges exact histograms.
 */
export class SecondRecorder {
  private second = 0;
  private hist: LatencyHistogram = createHistogram();
  private ok = 0;
  private errors = emptyErrors();
  private bytes = 0;
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly startAt: number,
    private readonly flush: (bucket: SecondBucket) => void,
  ) {
    this.timer = setInterval(() => this.roll(now()), 250);
    this.timer.unref();
  }

  success(latencyMs: number, bytes: number): void {
    this.roll(now());
    recordMs(this.hist, latencyMs);
    this.ok++;
    this.bytes += bytes;
    this.dirty = true;
  }

  /** A failure; `latencyMs` is set when a response arrived (wrong status, unusable body). */
  failure(kind: ErrorKind, cause: string, latencyMs?: number): void {
    this.roll(now());
    if (latencyMs !== undefined) recordMs(this.hist, latencyMs);
    countError(this.errors, kind, cause);
    this.dirty = true;
  }

  /** Flushes what is left; the recorder is done. */
  close(): void {
    clearInterval(this.timer);
    this.emit();
  }

  private roll(t: number): void {
    const second = Math.max(0, Math.floor((t - this.startAt) / 1000));
    if (second === this.second) return;
    this.emit();
    this.second = second;
  }

  private emit(): void {
    if (!this.dirty) return;
    this.flush({ second: this.second, histogram: encodeHistogram(this.hist), ok: this.ok, errors: this.errors, bytes: this.bytes });
    this.hist.reset();
    this.ok = 0;
    this.errors = emptyErrors();
    this.bytes = 0;
    this.dirty = false;
  }
}
