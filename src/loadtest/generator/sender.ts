import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { now } from './clock.js';
import { Connection, type Endpoint, type ExchangeListener, type RequestOptions } from './http/connection.js';

export interface SenderOptions {
  /** How often in-flight requests are checked against their deadlines. */
  sweepMs: number;
  /** Extra TLS options for https targets (tests pass a private CA); certificates are always verified. */
  tls?: ConnectionOptions;
}

/** Reads of up to this size; all of a worker's connections share one buffer. */
const READ_BUFFER_BYTES = 64 * 1024;

/**
 * The worker's keep-alive connections, handed out from a free list: the models never have
 * more requests in flight than connections, so a request always finds an idle one — no scan
 * or queue per request. Most recently used first, so a low rate keeps few sockets open.
 */
export class Sender {
  /** The target's `host` header value. */
  readonly host: string;
  private readonly free: Connection[] = [];
  private readonly all: Connection[] = [];
  private readonly sweep: NodeJS.Timeout;

  constructor(origin: string, connections: number, opts: SenderOptions) {
    const url = new URL(origin);
    const https = url.protocol === 'https:';
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const endpoint: Endpoint = {
      host: hostname,
      port: Number(url.port) || (https ? 443 : 80),
      // SNI carries host names only, never an address (RFC 6066).
      tls: https ? { ALPNProtocols: ['http/1.1'], ...(isIP(hostname) ? {} : { servername: hostname }), ...opts.tls } : null,
    };
    this.host = url.host;
    const readBuffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    const release = (c: Connection): void => void this.free.push(c);
    for (let i = 0; i < connections; i++) {
      const c = new Connection(endpoint, readBuffer, release);
      this.all.push(c);
      this.free.push(c);
    }
    this.sweep = setInterval(() => {
      const t = now();
      for (const c of this.all) if (c.busy) c.expire(t);
    }, opts.sweepMs);
    this.sweep.unref();
  }

  /** Sends on an idle connection; the listener hears how it ended. `t` is the current time. */
  send<T>(bytes: Buffer, opts: RequestOptions, listener: ExchangeListener<T>, tag: T, t: number): void {
    const c = this.free.pop();
    if (!c) throw new Error('no idle connection: a model sent more requests than it has connections');
    c.send(bytes, opts, listener, tag, t);
  }

  close(): void {
    clearInterval(this.sweep);
    for (const c of this.all) c.close();
  }
}

/** A sweep often enough that a timeout fires within about 5% of its length (5 ms to 100 ms). */
export function sweepInterval(shortestTimeoutMs: number): number {
  return Math.min(100, Math.max(5, Math.floor(shortestTimeoutMs / 20)));
}
