import { ArrivalSchedule } from './arrivals.js';
import { now } from './clock.js';
import type { ExchangeRunner, Flight } from './exchange-runner.js';
import { LATE_MS, type PhaseTotals, type Stage } from './messages.js';

export interface OpenModelOptions {
  stages: Stage[];
  startAt: number;
  workerIndex: number;
  workerCount: number;
  /** At most this many requests in flight (the worker's connections); the rest wait in a queue. */
  maxInFlight: number;
  maxRequests: number;
  timeoutMs: number;
  vars: Record<string, string>;
}

/**
 * Constant arrival rate, without coordinated omission: each iteration is due at its scheduled
 * time whatever the target is doing, and its first request's latency is measured from that
 * time — queueing for a connection included — not from when it could finally be sent.
 */
export class OpenModel {
  private readonly schedule: ArrivalSchedule;
  private inFlight = 0;
  private thinking = 0;
  private readonly queue: Flight[] = [];
  private queueHead = 0;
  private sent = 0;
  private iterations = 0;
  private lateArrivals = 0;
  private maxLagMs = 0;
  private capped = false;
  private stopped = false;
  private scheduling = true;
  private timer: NodeJS.Timeout | undefined;
  private resolveDone: ((t: PhaseTotals) => void) | undefined;

  /**
   * Iterations that started on schedule may finish their requests for one timeout after the
   * schedule ends (a graceful stop); past that they send nothing more: the run is bounded.
   */
  private readonly endAt: number;

  constructor(
    private readonly runner: ExchangeRunner,
    private readonly opts: OpenModelOptions,
  ) {
    this.schedule = new ArrivalSchedule(opts.stages, opts.startAt, opts.workerIndex, opts.workerCount);
    this.endAt = opts.startAt + opts.stages.reduce((ms, s) => ms + s.durationMs, 0) + opts.timeoutMs;
  }

  run(): Promise<PhaseTotals> {
    return new Promise((resolve) => {
      this.resolveDone = resolve;
      this.nextAt = this.schedule.next();
      this.tick();
    });
  }

  stop(): void {
    this.stopped = true;
    this.endScheduling();
    this.queue.length = this.queueHead = 0;
    this.maybeDone();
  }

  private nextAt: number | null = null;

  private tick = (): void => {
    const t = now();
    while (this.nextAt !== null && this.nextAt <= t) {
      if (this.sent >= this.opts.maxRequests) {
        this.capped = true;
        break;
      }
      const lag = t - this.nextAt;
      if (lag > LATE_MS) this.lateArrivals++;
      if (lag > this.maxLagMs) this.maxLagMs = lag;
      const vars = this.runner.stateless ? this.opts.vars : { ...this.opts.vars };
      const state = { vars, vu: this.opts.workerIndex, iteration: this.iterations++ };
      this.submit({ state, index: 0, readyAt: this.nextAt, done: this.exchangeDone }, t);
      this.nextAt = this.schedule.next();
    }
    if (this.nextAt === null || this.capped || this.stopped) {
      this.endScheduling();
      this.maybeDone();
      return;
    }
    this.timer = setTimeout(this.tick, Math.max(0, this.nextAt - now()));
  };

  /** `t` is the current time. */
  private submit(f: Flight, t: number): void {
    if (this.inFlight < this.opts.maxInFlight) this.dispatch(f, t);
    else this.queue.push(f);
  }

  private dispatch(f: Flight, t: number): void {
    this.inFlight++;
    this.sent++;
    this.runner.run(f, t);
  }

  private readonly exchangeDone = (f: Flight, ok: boolean, at: number): void => {
    this.inFlight--;
    this.pump(at);
    this.continueIteration(f, ok, at);
    this.maybeDone();
  };

  private pump(t: number): void {
    while (this.inFlight < this.opts.maxInFlight && this.queueHead < this.queue.length) {
      const f = this.queue[this.queueHead++] as Flight;
      if (t - f.readyAt > this.opts.timeoutMs) this.runner.expire(t);
      else this.dispatch(f, t);
    }
    if (this.queueHead > 4096 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
  }

  private continueIteration(f: Flight, ok: boolean, at: number): void {
    const next = f.index + 1;
    if (!ok || this.stopped || next >= this.runner.requests.length || at >= this.endAt) return;
    if (this.sent >= this.opts.maxRequests) {
      this.capped = true;
      return;
    }
    const think = this.runner.requests[f.index]?.thinkMs ?? 0;
    f.index = next;
    if (think <= 0) {
      f.readyAt = at;
      this.submit(f, at);
      return;
    }
    this.thinking++;
    setTimeout(() => {
      this.thinking--;
      const t = now();
      if (!this.stopped && t < this.endAt) {
        f.readyAt = t;
        this.submit(f, t);
      }
      this.maybeDone();
    }, Math.min(think, Math.max(0, this.endAt - at)));
  }

  private endScheduling(): void {
    this.scheduling = false;
    clearTimeout(this.timer);
  }

  private maybeDone(): void {
    if (this.scheduling || this.inFlight > 0 || this.thinking > 0 || this.queueHead < this.queue.length) return;
    const resolve = this.resolveDone;
    this.resolveDone = undefined;
    resolve?.({ sent: this.sent, capped: this.capped, stopped: this.stopped, lateArrivals: this.lateArrivals, maxLagMs: Math.round(this.maxLagMs) });
  }
}
