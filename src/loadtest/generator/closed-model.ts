import { now } from './clock.js';
import type { ExchangeRunner, Flight } from './exchange-runner.js';
import type { IterationState } from './exchange.js';
import type { PhaseTotals } from './messages.js';

export interface ClosedModelOptions {
  vus: number;
  /** Global number of this worker's first virtual user, for `{{vu}}`. */
  firstVu: number;
  startAt: number;
  durationMs: number;
  maxRequests: number;
  vars: Record<string, string>;
}

/**
 * Virtual users: each runs the scenario in a loop, one request at a time, pausing for think
 * time. Throughput follows the target's speed (a closed system), so latency here is service
 * time as one user sees it; use the open model to see queueing.
 */
export class ClosedModel {
  private sent = 0;
  private running = 0;
  private capped = false;
  private stopped = false;
  private resolveDone: ((t: PhaseTotals) => void) | undefined;
  private readonly endAt: number;

  constructor(
    private readonly runner: ExchangeRunner,
    private readonly opts: ClosedModelOptions,
  ) {
    this.endAt = opts.startAt + opts.durationMs;
  }

  run(): Promise<PhaseTotals> {
    return new Promise((resolve) => {
      this.resolveDone = resolve;
      const wait = Math.max(0, this.opts.startAt - now());
      setTimeout(() => {
        this.running = this.opts.vus;
        for (let v = 0; v < this.opts.vus; v++) {
          // One flight per user, reused for every request it sends.
          this.step({ state: this.newIteration(this.opts.firstVu + v, 0), index: 0, readyAt: 0, done: this.exchangeDone });
        }
        if (this.opts.vus === 0) this.finish();
      }, wait);
    });
  }

  stop(): void {
    this.stopped = true;
  }

  private newIteration(vu: number, iteration: number): IterationState {
    return { vars: { ...this.opts.vars }, vu, iteration };
  }

  private step(f: Flight): void {
    const t = now();
    if (this.stopped || t >= this.endAt) return this.vuDone();
    if (this.sent >= this.opts.maxRequests) {
      this.capped = true;
      return this.vuDone();
    }
    this.sent++;
    f.readyAt = t;
    this.runner.run(f, t);
  }

  private readonly exchangeDone = (f: Flight, ok: boolean, at: number): void => {
    const think = this.runner.requests[f.index]?.thinkMs ?? 0;
    const next = ok ? f.index + 1 : this.runner.requests.length;
    // Think time never outlasts the phase: the run is bounded.
    if (think > 0) setTimeout(() => this.proceed(f, next), Math.min(think, Math.max(0, this.endAt - at)));
    else this.proceed(f, next);
  };

  /** The next request of the iteration, or a new iteration for the same user. */
  private proceed(f: Flight, next: number): void {
    if (next >= this.runner.requests.length) {
      // Without extracted values an iteration's state never changes: reuse it.
      if (this.runner.stateless) f.state.iteration++;
      else f.state = this.newIteration(f.state.vu, f.state.iteration + 1);
      next = 0;
    }
    f.index = next;
    this.step(f);
  }

  private vuDone(): void {
    this.running--;
    if (this.running === 0) this.finish();
  }

  private finish(): void {
    const resolve = this.resolveDone;
    this.resolveDone = undefined;
    resolve?.({ sent: this.sent, capped: this.capped, stopped: this.stopped, lateArrivals: 0, maxLagMs: 0 });
  }
}
