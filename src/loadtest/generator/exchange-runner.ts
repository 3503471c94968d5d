import { classifyCode } from '../metrics/errors.js';
import { toMicros } from '../metrics/histogram.js';
import { now } from './clock.js';
import { extractInto, judgeStatus, renderRequest, type CompiledRequest, type IterationState } from './exchange.js';
import type { ExchangeListener } from './http/connection.js';
import { InvalidRequestError } from './http/request-bytes.js';
import type { ResponseParser } from './http/response-parser.js';
import type { SecondRecorder } from './recorder.js';
import type { Sender } from './sender.js';

/** One request of an iteration on its way: the models keep and reuse these. */
export interface Flight {
  state: IterationState;
  /** The scenario request. */
  index: number;
  /** When the request became due: its latency runs from here. */
  readyAt: number;
  /** The model's continuation, called once the outcome is recorded. */
  done: (f: Flight, ok: boolean, at: number) => void;
}

/** Sends one scenario request, judges and records the outcome. */
export class ExchangeRunner implements ExchangeListener<Flight> {
  /** No request extracts a value: an iteration's vars are never written, so iterations may share them. */
  readonly stateless: boolean;

  constructor(
    private readonly sender: Sender,
    readonly requests: readonly CompiledRequest[],
    private readonly recorder: SecondRecorder,
  ) {
    this.stateless = requests.every((r) => r.extract.length === 0);
  }

  /** `t` is the current time. */
  run(f: Flight, t: number): void {
    const req = this.requests[f.index] as CompiledRequest;
    let bytes: Buffer;
    try {
      bytes = renderRequest(req, f.state, this.sender.host);
    } catch (err) {
      if (!(err instanceof InvalidRequestError)) throw err;
      // On the next turn: a model's loop must not recurse through a synchronous failure.
      setImmediate(() => this.onFailure(f, err.code, now()));
      return;
    }
    this.sender.send(bytes, req.options, this, f, t);
  }

  onResponse(f: Flight, res: ResponseParser, at: number): void {
    const req = this.requests[f.index] as CompiledRequest;
    const latency = toMicros(at - f.readyAt);
    let verdict = judgeStatus(req, res.head.status);
    // Headers and body become objects and strings only for requests that extract from them.
    if (verdict.ok && req.extract.length > 0) verdict = extractInto(req, { headers: res.head.headers ?? {}, body: res.body() }, f.state);
    if (verdict.ok) this.recorder.success(latency, res.bytes, at);
    else this.recorder.failure(verdict.kind, verdict.cause, at, latency);
    f.done(f, verdict.ok, at);
  }

  onFailure(f: Flight, code: string, at: number): void {
    const c = classifyCode(code);
    this.recorder.failure(c.kind, c.cause, at);
    f.done(f, false, at);
  }

  /** A request that waited for a free connection longer than its timeout is never sent. */
  expire(at: number): void {
    this.recorder.failure('timeout', 'queued', at);
  }
}
