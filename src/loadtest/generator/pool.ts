import type { Worker } from 'node:worker_threads';
import { addErrors, emptyErrors, type ErrorCounts } from '../metrics/errors.js';
import { createHistogram, decodeHistogram, summarize, type LatencyHistogram, type LatencySummary } from '../metrics/histogram.js';
import type { Scenario } from '../scenario/types.js';
import { now } from './clock.js';
import type { FromWorker, LoadShape, PhaseTotals, SecondBucket } from './messages.js';
import { spawnGeneratorWorker } from './spawn-worker.js';

export interface GeneratorConfig {
  origin: string;
  scenario: Scenario;
  workers: number;
  /** Connections per worker. */
  connectionsPerWorker: number;
  timeoutMs: number;
}

export interface SecondStats {
  /** Seconds since the phase started. */
  second: number;
  ok: number;
  errors: ErrorCounts;
  bytes: number;
  latency: LatencySummary;
}

export interface PhaseRun {
  histogram: LatencyHistogram;
  seconds: SecondStats[];
  ok: number;
  errors: ErrorCounts;
  bytes: number;
  sent: number;
  capped: boolean;
  stopped: boolean;
  lateArrivals: number;
  maxLagMs: number;
  startAt: number;
  endAt: number;
}

interface OpenSecond {
  hist: LatencyHistogram;
  ok: number;
  errors: ErrorCounts;
  bytes: number;
}

/** A second is final once every worker has had time to flush it (they flush every 250 ms). */
const FINAL_AFTER_MS = 2000;
const START_DELAY_MS = 50;

/** The main thread's side of generation: worker threads, phases, and exact merging of their histograms. */
export class GeneratorPool {
  private phase = 0;
  private active: { onMessage: (w: number, m: FromWorker) => void } | undefined;
  private failure: Error | undefined;

  private constructor(private readonly workers: Worker[]) {
    workers.forEach((w, i) => {
      w.on('message', (m: FromWorker) => this.active?.onMessage(i, m));
      w.on('error', (err) => this.fail(err));
    });
  }

  static async start(config: GeneratorConfig): Promise<GeneratorPool> {
    const workers = Array.from({ length: config.workers }, (_, i) =>
      spawnGeneratorWorker({
        origin: config.origin,
        scenario: config.scenario,
        connections: config.connectionsPerWorker,
        timeoutMs: config.timeoutMs,
        workerIndex: i,
        workerCount: config.workers,
      }),
    );
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const onMessage = (m: FromWorker): void => {
              if (m.type === 'ready') {
                w.off('message', onMessage);
                w.off('error', reject);
                resolve();
              }
            };
            w.on('message', onMessage);
            w.once('error', reject);
          }),
      ),
    ).catch(async (err: unknown) => {
      await Promise.all(workers.map((w) => w.terminate()));
      throw err;
    });
    return new GeneratorPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Runs one phase on every worker. Open shapes go to all workers whole (they interleave
   * arrivals); closed shapes are split into per-worker users.
   */
  runPhase(shape: LoadShape, maxRequests: number, onSecond?: (s: SecondStats) => void): Promise<PhaseRun> {
    if (this.failure) return Promise.reject(this.failure);
    const phase = ++this.phase;
    const startAt = now() + START_DELAY_MS;
    const n = this.workers.length;
    const histogram = createHistogram();
    const open = new Map<number, OpenSecond>();
    const seconds: SecondStats[] = [];
    const totals = { ok: 0, bytes: 0, errors: emptyErrors(), sent: 0, capped: false, stopped: false, lateArrivals: 0, maxLagMs: 0 };
    let pending = n;

    const finalize = (all: boolean): void => {
      const limit = all ? Number.POSITIVE_INFINITY : Math.floor((now() - startAt - FINAL_AFTER_MS) / 1000);
      for (const s of [...open.keys()].sort((a, b) => a - b)) {
        if (s > limit) break;
        const o = open.get(s) as OpenSecond;
        open.delete(s);
        const stats: SecondStats = { second: s, ok: o.ok, errors: o.errors, bytes: o.bytes, latency: summarize(o.hist) };
        seconds.push(stats);
        onSecond?.(stats);
      }
    };
    const addBucket = (b: SecondBucket): void => {
      const hist = decodeHistogram(b.histogram);
      histogram.add(hist);
      totals.ok += b.ok;
      totals.bytes += b.bytes;
      addErrors(totals.errors, b.errors);
      let o = open.get(b.second);
      if (!o) {
        // A very late flush for a second already reported: its counts still land in that
        // second (its percentiles, already summarised, stay as they were).
        const done = seconds.find((s) => s.second === b.second);
        if (done) {
          done.ok += b.ok;
          done.bytes += b.bytes;
          addErrors(done.errors, b.errors);
          return;
        }
        o = { hist: createHistogram(), ok: 0, errors: emptyErrors(), bytes: 0 };
        open.set(b.second, o);
      }
      o.hist.add(hist);
      o.ok += b.ok;
      o.bytes += b.bytes;
      addErrors(o.errors, b.errors);
    };
    const mergeTotals = (t: PhaseTotals): void => {
      totals.sent += t.sent;
      totals.capped ||= t.capped;
      totals.stopped ||= t.stopped;
      totals.lateArrivals += t.lateArrivals;
      totals.maxLagMs = Math.max(totals.maxLagMs, t.maxLagMs);
    };

    return new Promise<PhaseRun>((resolve, reject) => {
      const ticker = setInterval(() => finalize(false), 500);
      const finish = (err?: Error): void => {
        clearInterval(ticker);
        this.active = undefined;
        if (err) return reject(err);
        finalize(true);
        seconds.sort((a, b) => a.second - b.second);
        resolve({ histogram, seconds, ...totals, startAt, endAt: now() });
      };
      this.active = {
        onMessage: (_w, m) => {
          if (m.type === 'second' && m.phase === phase) addBucket(m.bucket);
          else if (m.type === 'phase-done' && m.phase === phase) {
            mergeTotals(m.totals);
            if (--pending === 0) finish();
          } else if (m.type === 'fatal') finish(new Error(`load generator failed: ${m.message}`));
        },
      };
      this.onFailure = finish;
      let firstVu = 0;
      this.workers.forEach((w, i) => {
        const share = shareOf(shape, i, n);
        const cmd = { type: 'phase' as const, phase, startAt, shape: share, maxRequests: Math.ceil(maxRequests / n), firstVu };
        if (share.model === 'closed') firstVu += share.vus;
        w.postMessage(cmd);
      });
    });
  }

  /** Ends the running phase early; its in-flight requests still complete. */
  stop(): void {
    for (const w of this.workers) w.postMessage({ type: 'stop' });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => void w.terminate().then(() => resolve()), 5000);
            w.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            w.postMessage({ type: 'close' });
          }),
      ),
    );
  }

  private onFailure: ((err: Error) => void) | undefined;

  private fail(err: Error): void {
    this.failure = err;
    this.onFailure?.(err);
  }
}

function shareOf(shape: LoadShape, index: number, count: number): LoadShape {
  if (shape.model === 'open') return shape;
  const base = Math.floor(shape.vus / count);
  const vus = base + (index < shape.vus % count ? 1 : 0);
  return { ...shape, vus };
}
