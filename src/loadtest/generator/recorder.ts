import { countError, emptyErrors, type ErrorKind } from '../metrics/errors.js';
import { createHistogram, encodeHistogram } from '../metrics/histogram.js';
import { LatencyBatch } from '../metrics/latency-batch.js';
import { now } from './clock.js';
import type { SecondBucket } from './messages.js';

/**
 * Collects outcomes into one-second buckets (by completion time) and hands each finished
 * second to `flush`, so the main thread sees a live time series and merges exact histograms.
 * Callers pass the completion time they already read, so recording reads no clock.
 */
export class SecondRecorder {
  private second = 0;
  /** When the current second ends: a comparison per outcome instead of a division. */
  private secondEndsAt: number;
  private readonly hist = createHistogram();
  private readonly batch = new LatencyBatch(this.hist);
  private ok = 0;
  private errors = emptyErrors();
  private bytes = 0;
  private dirty = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly startAt: number,
    private readonly flush: (bucket: SecondBucket) => void,
  ) {
    this.secondEndsAt = startAt + 1000;
    this.timer = setInterval(() => {
      const t = now();
      if (t >= this.secondEndsAt) this.roll(t);
    }, 250);
    this.timer.unref();
  }

  /** A success: latency in whole microseconds, body bytes, completion time. */
  success(latencyUs: number, bytes: number, at: number): void {
    if (at >= this.secondEndsAt) this.roll(at);
    this.batch.record(latencyUs);
    this.ok++;
    this.bytes += bytes;
    this.dirty = true;
  }

  /** A failure; `latencyUs` is set when a response arrived (wrong status, unusable body). */
  failure(kind: ErrorKind, cause: string, at: number, latencyUs?: number): void {
    if (at >= this.secondEndsAt) this.roll(at);
    if (latencyUs !== undefined) this.batch.record(latencyUs);
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
    this.secondEndsAt = this.startAt + (second + 1) * 1000;
    if (second === this.second) return;
    this.emit();
    this.second = second;
  }

  private emit(): void {
    if (!this.dirty) return;
    this.batch.flush();
    this.flush({ second: this.second, histogram: encodeHistogram(this.hist), ok: this.ok, errors: this.errors, bytes: this.bytes });
    this.hist.reset();
    this.ok = 0;
    this.errors = emptyErrors();
    this.bytes = 0;
    this.dirty = false;
  }
}
