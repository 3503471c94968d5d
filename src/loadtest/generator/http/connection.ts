import { connect as netConnect, type OnReadOpts, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { now } from '../clock.js';
import { CR, LF } from './bytes.js';
import { HttpParseError } from './response-head.js';
import { NEED_MORE, ResponseParser } from './response-parser.js';

/** Where requests go: plain TCP, or TLS with these options (certificates are verified). */
export interface Endpoint {
  host: string;
  port: number;
  tls: ConnectionOptions | null;
}

/**
 * Where a connection reports how an exchange ended. `response` is valid only during the call:
 * the connection is already free, and the next request sent on it reuses the parser.
 */
export interface ExchangeListener<T> {
  onResponse(tag: T, response: ResponseParser, at: number): void;
  onFailure(tag: T, code: string, at: number): void;
}

export interface RequestOptions {
  /** A HEAD request: its response has no body whatever its headers say. */
  noBody: boolean;
  captureHeaders: boolean;
  captureBody: boolean;
  timeoutMs: number;
}

/** Error codes of our own; socket errors keep theirs (ECONNREFUSED, ECONNRESET …). */
export const HTTP_CODES = {
  connectTimeout: 'CONNECT_TIMEOUT',
  headersTimeout: 'HEADERS_TIMEOUT',
  bodyTimeout: 'BODY_TIMEOUT',
  closed: 'CLOSED',
  dataAfterResponse: 'HPE_DATA_AFTER_RESPONSE',
} as const;

const CONNECTING = 0;
const HEADERS = 1;
const BODY = 2;
const WAIT_CODES = [HTTP_CODES.connectTimeout, HTTP_CODES.headersTimeout, HTTP_CODES.bodyTimeout] as const;

/** Without a `Keep-Alive: timeout=N` hint, an idle connection is reopened after this (undici's default). */
const IDLE_MS = 4000;

/**
 * One keep-alive HTTP/1.1 connection carrying one request at a time (no pipelining, as wrk).
 * Reads land in a buffer shared by the worker's connections (`onread`: no Buffer and no
 * stream machinery per read); the socket opens on first use and again after the server
 * closes it. Timeouts are deadlines checked by the owner's sweep, not a timer per request.
 */
export class Connection {
  /** A request is in flight. */
  busy = false;
  deadline = 0;
  private wait = CONNECTING;
  private socket: Socket | null = null;
  private readonly parser = new ResponseParser();
  private listener: ExchangeListener<unknown> | null = null;
  private tag: unknown = null;
  private timeoutMs = 0;
  private idleUntil = 0;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly readBuffer: Buffer,
    /** Called when an exchange ends, before its listener: the connection is free again. */
    private readonly release: (c: Connection) => void,
  ) {}

  send<T>(bytes: Buffer, opts: RequestOptions, listener: ExchangeListener<T>, tag: T, t: number): void {
    this.busy = true;
    this.listener = listener as ExchangeListener<unknown>;
    this.tag = tag;
    this.timeoutMs = opts.timeoutMs;
    this.parser.begin(opts.noBody, opts.captureHeaders, opts.captureBody);
    // Past the server's idle timeout it may be closing the socket right now: start afresh. A
    // socket Node destroyed (its error event still queued) would swallow the write.
    if (this.socket !== null && (t > this.idleUntil || this.socket.destroyed)) this.drop();
    const socket = this.socket ?? this.open();
    this.wait = socket.connecting ? CONNECTING : HEADERS;
    this.deadline = t + opts.timeoutMs;
    socket.write(bytes);
  }

  /** Ends the exchange with a timeout when its deadline has passed (the owner's sweep). */
  expire(t: number): void {
    if (this.busy && t >= this.deadline) this.fail(WAIT_CODES[this.wait] as string, t);
  }

  close(): void {
    this.drop();
  }

  private open(): Socket {
    const { host, port, tls } = this.endpoint;
    // Returning false would pause reading.
    const onread: OnReadOpts = { buffer: this.readBuffer, callback: (n) => (this.onRead(socket, n), true) };
    // tls.connect documents `onread` too; @types/node lacks it.
    const socket: Socket = tls ? tlsConnect({ ...tls, host, port, onread } as ConnectionOptions) : netConnect({ host, port, onread, noDelay: true });
    if (tls) socket.setNoDelay(true);
    socket.once(tls ? 'secureConnect' : 'connect', () => {
      if (socket !== this.socket || !this.busy || this.wait !== CONNECTING) return;
      this.wait = HEADERS;
      this.deadline = now() + this.timeoutMs;
    });
    socket.on('error', (err: Error) => this.gone(socket, errorCode(err)));
    socket.on('end', () => this.ended(socket));
    socket.on('close', () => this.gone(socket, HTTP_CODES.closed));
    this.socket = socket;
    return socket;
  }

  private onRead(socket: Socket, n: number): void {
    if (socket !== this.socket) return;
    const buf = this.readBuffer;
    if (!this.busy) {
      // Stray line breaks are tolerated; any other unsolicited byte makes the connection unusable.
      if (!onlyLineBreaks(buf, 0, n)) this.drop();
      return;
    }
    let end: number;
    try {
      end = this.parser.feed(buf, 0, n);
    } catch (err) {
      this.fail(err instanceof HttpParseError ? err.code : 'HPE_INTERNAL', now());
      return;
    }
    if (end === NEED_MORE) {
      // The body's deadline is idle time between reads, as undici's bodyTimeout.
      if (this.parser.headDone) {
        this.wait = BODY;
        this.deadline = now() + this.timeoutMs;
      }
      return;
    }
    if (end < n && !onlyLineBreaks(buf, end, n)) this.fail(HTTP_CODES.dataAfterResponse, now());
    else this.complete(now());
  }

  private complete(at: number): void {
    const head = this.parser.head;
    if (!head.keepAlive) this.drop();
    else this.idleUntil = at + (head.keepAliveMs < 0 ? IDLE_MS : head.keepAliveMs > 2000 ? head.keepAliveMs - 1000 : head.keepAliveMs / 2);
    const { listener, tag } = this;
    this.settle();
    listener?.onResponse(tag, this.parser, at);
  }

  private fail(code: string, at: number): void {
    this.drop();
    const { listener, tag } = this;
    this.settle();
    listener?.onFailure(tag, code, at);
  }

  private settle(): void {
    this.busy = false;
    this.listener = null;
    this.tag = null;
    this.release(this);
  }

  private ended(socket: Socket): void {
    if (socket !== this.socket) return;
    if (this.busy && this.parser.endOfStream()) this.complete(now());
    else this.gone(socket, HTTP_CODES.closed);
  }

  private gone(socket: Socket, code: string): void {
    if (socket !== this.socket) return;
    if (this.busy) this.fail(code, now());
    else this.drop();
  }

  private drop(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.destroy();
  }
}

function onlyLineBreaks(buf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (buf[i] !== CR && buf[i] !== LF) return false;
  return true;
}

function errorCode(err: Error): string {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Happy-eyeballs failures (several addresses) come as an AggregateError.
  const first = (err as { errors?: unknown[] }).errors?.[0];
  return first instanceof Error ? errorCode(first) : 'unknown';
}
