import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../net/free-port.js';

export { freePort };

/** Real local servers for the load-test suites and benchmarks: known delays, known capacity, known failures. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startNodeServer(handler: Handler): Promise<RunningServer & { server: Server }> {
  const server = createServer(handler);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const text = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
};

/** Answers after `delayFor(n)` ms, n counting requests from 0. */
export function startDelayServer(delayFor: (n: number) => number): Promise<RunningServer> {
  let n = 0;
  return startNodeServer((_req, res) => {
    afterAtLeast(delayFor(n++), () => text(res, 200, 'ok'));
  });
}

/**
 * Runs `fn` no sooner than `ms` from now by the real clock. A timer counts from the event
 * loop's cached time, which lags when one loop turn handles many requests, so it can fire a
 * fraction of a millisecond early: the tests' lower bounds on latency need the full delay.
 */
function afterAtLeast(ms: number, fn: () => void): void {
  const due = performance.now() + ms;
  const check = (): void => {
    const left = due - performance.now();
    if (left > 0) setTimeout(check, Math.max(1, left));
    else fn();
  };
  setTimeout(check, ms);
}

/**
 * One request at a time, each taking `serviceMs`: capacity is exactly 1000/serviceMs per
 * second. Completions follow an absolute schedule, so timer jitter does not accumulate.
 * Requests whose client has gone are skipped, as a server notices a closed socket.
 */
export function startCapacityServer(serviceMs: number): Promise<RunningServer & { served: () => number }> {
  let freeAt = 0;
  let served = 0;
  return startNodeServer((req, res) => {
    const start = Math.max(performance.now(), freeAt);
    freeAt = start + serviceMs;
    const doneAt = freeAt;
    setTimeout(() => {
      if (req.socket.destroyed) return;
      served++;
      text(res, 200, 'ok');
    }, Math.max(0, doneAt - performance.now()));
  }).then((s) => ({ ...s, served: () => served }));
}

/**
 * Routes for errors and scenarios: /ok, /status/<code>, /hang (never answers), /reset (drops
 * the connection), /login (JSON with a token), /items/<id> (needs the bearer token).
 */
export function startScenarioServer(): Promise<RunningServer & { seen: string[] }> {
  const seen: string[] = [];
  return startNodeServer((req, res) => {
    const url = req.url ?? '/';
    seen.push(`${req.method} ${url} ${req.headers.authorization ?? ''}`);
    if (url === '/ok') return text(res, 200, 'ok');
    const status = /^\/status\/(\d{3})$/.exec(url);
    if (status) return text(res, Number(status[1]), 'status');
    if (url === '/hang') return;
    if (url === '/reset') return req.socket.destroy();
    if (url === '/login' && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const user = (JSON.parse(body) as { user?: string }).user ?? 'nobody';
        const json = JSON.stringify({ data: { token: `tok-${user}`, items: [{ id: 41 }, { id: 42 }] } });
        text(res, 200, json, { 'content-type': 'application/json', 'x-session': `s-${user}` });
      });
      return;
    }
    const item = /^\/items\/(\d+)$/.exec(url);
    if (item) {
      if (!req.headers.authorization?.startsWith('Bearer tok-')) return text(res, 401, 'no token');
      return text(res, 200, `item ${item[1]}`);
    }
    text(res, 404, 'not found');
  }).then((s) => ({ ...s, seen }));
}


export const NGINX = '/usr/sbin/nginx';

/**
 * nginx from Debian as a child process with a temporary config on a free loopback port:
 * `/` answers 200, `/status/503` and `/status/429` those statuses, `/app/` is proxied to
 * `upstream` when given.
 */
export async function startNginx(opts: { workers?: number; upstream?: string; commandPrefix?: string[] } = {}): Promise<RunningServer & { process: ChildProcess }> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-test-nginx-'));
  mkdirSync(join(dir, 'tmp'));
  const port = await freePort();
  const conf = `
worker_processes ${opts.workers ?? 1};
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  ${opts.upstream ? `upstream app { server ${opts.upstream}; keepalive 64; }` : ''}
  server {
    listen 127.0.0.1:${port};
    location = / { default_type text/plain; return 200 "hello from nginx\\n"; }
    location = /status/503 { return 503; }
    location = /status/429 { return 429; }
    ${opts.upstream ? 'location /app/ { proxy_http_version 1.1; proxy_set_header Connection ""; proxy_pass http://app/; }' : ''}
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  // A prefix such as ['taskset', '-c', '0'] (the benchmark pins its targets) execs nginx in place.
  const argv = [...(opts.commandPrefix ?? []), NGINX, '-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'error.log')];
  const child = spawn(argv[0] as string, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  await waitForPort(port, () => child.exitCode !== null, () => stderr);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    process: child,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, died: () => boolean, output: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (died()) throw new Error(`nginx exited: ${output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port}: ${output()}`);
}
