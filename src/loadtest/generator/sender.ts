import { Client, type Dispatcher } from 'undici';
import { LIMITS } from '../limits.js';
import type { Response } from './exchange.js';

export type SendCallback = (res: Response | null, err: Error | null, bytes: number) => void;

/**
 * HTTP over undici keep-alive connections, one `Client` each, handed out from a free list:
 * the models never have more requests in flight than connections, so a request always finds
 * an idle connection — no pool scan or queue per request — and the raw dispatch API needs no
 * stream or promise per request. Most recently used first, so a low rate keeps few sockets.
 */
export class Sender {
  private readonly free: Client[] = [];
  private readonly all: Client[] = [];

  constructor(origin: string, connections: number, connectTimeoutMs: number) {
    for (let i = 0; i < connections; i++) {
      const client = new Client(origin, { pipelining: 1, connect: { timeout: connectTimeoutMs }, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 });
      this.all.push(client);
      this.free.push(client);
    }
  }

  send(opts: Dispatcher.DispatchOptions, captureBody: boolean, captureHeaders: boolean, done: SendCallback): void {
    const client = this.free.pop();
    if (!client) throw new Error('no idle connection: a model sent more requests than it has connections');
    client.dispatch(opts, new ResponseHandler(this, client, captureBody, captureHeaders, done));
  }

  release(client: Client): void {
    this.free.push(client);
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((c) => c.destroy()));
  }
}

/** Counts the body's bytes; keeps the body and headers only when values are extracted from them. */
class ResponseHandler implements Dispatcher.DispatchHandler {
  private status = 0;
  private headers: Record<string, string> = {};
  private bytes = 0;
  private chunks: Buffer[] | null;
  private captured = 0;
  private finished = false;

  constructor(
    private readonly sender: Sender,
    private readonly client: Client,
    captureBody: boolean,
    private readonly captureHeaders: boolean,
    private readonly done: SendCallback,
  ) {
    this.chunks = captureBody ? [] : null;
  }

  // Its presence selects undici's current handler API.
  onRequestStart(): void {}

  onResponseStart(_c: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.status = statusCode;
    if (this.captureHeaders) this.headers = flattenHeaders(headers);
  }

  onResponseData(_c: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.chunks && this.captured < LIMITS.maxCapturedBodyBytes) {
      this.chunks.push(chunk);
      this.captured += chunk.length;
    }
  }

  onResponseEnd(): void {
    this.finish({ status: this.status, headers: this.headers, body: this.chunks ? Buffer.concat(this.chunks).toString('utf8') : '' }, null);
  }

  onResponseError(_c: Dispatcher.DispatchController, err: Error): void {
    this.finish(null, err);
  }

  private finish(res: Response | null, err: Error | null): void {
    if (this.finished) return;
    this.finished = true;
    this.sender.release(this.client);
    this.done(res, err, this.bytes);
  }
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
