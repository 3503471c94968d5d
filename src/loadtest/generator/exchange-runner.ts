import { classifyError } from '../metrics/errors.js';
import { now } from './clock.js';
import { dispatchOptions, judge, type CompiledRequest, type IterationState } from './exchange.js';
import type { SecondRecorder } from './recorder.js';
import type { Sender } from './sender.js';

/** Sends one scenario request, judges and records the outcome; latency runs from `readyAt`. */
export class ExchangeRunner {
  constructor(
    private readonly sender: Sender,
    readonly requests: readonly CompiledRequest[],
    private readonly recorder: SecondRecorder,
  ) {}

  run(state: IterationState, index: number, readyAt: number, done: (ok: boolean) => void): void {
    const req = this.requests[index] as CompiledRequest;
    const captureHeaders = req.extract.some((x) => x.from === 'header');
    this.sender.send(dispatchOptions(req, state), req.needsBody, captureHeaders, (res, err, bytes) => {
      if (err || !res) {
        const c = classifyError(err);
        this.recorder.failure(c.kind, c.cause);
        done(false);
        return;
      }
      const latency = now() - readyAt;
      const verdict = judge(req, res, state);
      if (verdict.ok) this.recorder.success(latency, bytes);
      else this.recorder.failure(verdict.kind, verdict.cause, latency);
      done(verdict.ok);
    });
  }

  /** A request that waited for a free connection longer than its timeout is never sent. */
  expire(): void {
    this.recorder.failure('timeout', 'queued');
  }
}
