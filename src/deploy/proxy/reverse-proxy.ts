import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { Pool } from 'undici';
import { forward } from './forward.js';
import { forwardedRequestHeaders } from './hop-headers.js';
import { EMPTY_ROUTES, RoundRobin, type RouteTable, type Upstream } from './routes.js';

export interface ReleaseTraffic {
  requests: number;
  /** 5xx answers and upstream failures (refused, reset, timeout) of this release's instances. */
  errors: number;
  /** Requests that failed on this release and were answered by the fallback instead. */
  retried: number;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Slipway's reverse proxy: holds an environment's public port and forwards to the live
 * release's instances (round robin) through keep-alive connection pools (undici). The route
 * table is swapped atomically; traffic is counted per release for the bake window's error
 * rate. Idempotent requests without a body that fail (5xx, refused, reset) are retried on
 * another instance, then on the warm fallback release, so a bad release costs no client error.
 */
export class ReverseProxy {
  private routes: RouteTable = EMPTY_ROUTES;
  private readonly rr = new RoundRobin();
  private readonly pools = new Map<number, Pool>();
  private readonly traffic = new Map<string, ReleaseTraffic>();
  private readonly inflight = new Map<string, number>();
  private server: Server | null = null;

  constructor(private readonly opts: { upstreamTimeoutMs?: number } = {}) {}

  get port(): number | null {
    const a = this.server?.address();
    return a && typeof a === 'object' ? a.port : null;
  }

  /** Binds 127.0.0.1:port; rejects with the listen error (EADDRINUSE …) and stays unbound. */
  async listen(port: number, host = '127.0.0.1'): Promise<void> {
    const server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => void this.handle(req, res));
    server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => this.upgrade(req, socket, head));
    server.on('clientError', (_err, socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
  }

  setRoutes(routes: RouteTable): void {
    this.routes = routes;
  }

  getRoutes(): RouteTable {
    return this.routes;
  }

  trafficOf(release: string): ReleaseTraffic {
    let t = this.traffic.get(release);
    if (!t) this.traffic.set(release, (t = { requests: 0, errors: 0, retried: 0 }));
    return t;
  }

  inflightOf(release: string): number {
    return this.inflight.get(release) ?? 0;
  }

  /** Resolves when no request is in flight to `release`, or after `timeoutMs`. */
  async drain(release: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.inflightOf(release) > 0) {
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, 20));
    }
    return true;
  }

  /** Closes the connection pools of instances that are gone. */
  forget(ports: Iterable<number>): void {
    for (const p of ports) {
      void this.pools.get(p)?.close().catch(() => undefined);
      this.pools.delete(p);
    }
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    await Promise.all([...this.pools.values()].map((p) => p.close().catch(() => undefined)));
    this.pools.clear();
  }

  private pool(port: number): Pool {
    let p = this.pools.get(port);
    if (!p) {
      const timeout = this.opts.upstreamTimeoutMs ?? 60_000;
      p = new Pool(`http://127.0.0.1:${port}`, { headersTimeout: timeout, bodyTimeout: timeout, keepAliveTimeout: 30_000 });
      this.pools.set(port, p);
    }
    return p;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const routes = this.routes;
    if (!routes.live || routes.live.upstreams.length === 0) {
      res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' }).end('no release is live\n');
      return;
    }
    const hasBody = req.headers['content-length'] !== undefined ? req.headers['content-length'] !== '0' : req.headers['transfer-encoding'] !== undefined;
    const retryable = IDEMPOTENT.has(req.method ?? '') && !hasBody;
    const headers = forwardedRequestHeaders(req.headers, req.socket.remoteAddress);
    const tried = new Set<Upstream>();
    const fallback = retryable ? routes.fallback : null;
    let group = routes.live;
    let inFallback = false;
    for (;;) {
      const u = this.rr.pick(group.upstreams, tried);
      if (!u) {
        if (fallback && !inFallback) {
          group = fallback;
          inFallback = true;
          continue;
        }
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway: no instance answered\n');
        return;
      }
      tried.add(u);
      const release = group.release;
      const traffic = this.trafficOf(release);
      traffic.requests++;
      this.inflight.set(release, this.inflightOf(release) + 1);
      const done = (): void => void this.inflight.set(release, this.inflightOf(release) - 1);
      // A 5xx is the app's answer: only the bake window's fallback may replace it. A refused or
      // reset connection may be retried on any other instance too (one restarting, say).
      const toFallback = fallback !== null && !inFallback;
      const retryOnError = retryable && (toFallback || group.upstreams.some((x) => !tried.has(x)));
      const r = await forward(this.pool(u.port), req, res, { headers, hasBody, hold5xx: toFallback });
      done();
      if (r.kind !== 'failed' && r.status >= 500) traffic.errors++;
      if (r.kind === 'sent') return;
      if (r.kind === 'held') {
        traffic.retried++;
        group = fallback!;
        inFallback = true;
        continue;
      }
      traffic.errors++;
      if (retryOnError && !r.headersSent) {
        traffic.retried++;
        continue;
      }
      if (!r.headersSent && !res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end(`bad gateway: ${r.error.message}\n`);
      return;
    }
  }

  /** WebSocket and other upgrades: a raw byte pipe to one live instance. */
  private upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const live = this.routes.live;
    const u = live ? this.rr.pick(live.upstreams) : undefined;
    if (!u) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\n\r\n');
      return;
    }
    const upstream = connect(u.port, '127.0.0.1', () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    const close = (): void => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', close);
    socket.on('error', close);
  }
}
