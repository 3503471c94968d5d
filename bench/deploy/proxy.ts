/**
 * Benchmark 5 — proxy throughput and added latency: the same node-hello instance measured
 * directly, through Slipway's proxy (the agent's, as deployed) and through nginx (Debian
 * nginx-light, one worker, upstream keepalive), in one run, with wrk (closed loop, 1 thread).
 *   npx tsx bench/deploy/proxy.ts [--duration 10s] [--connections 50]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { freePort } from '../../src/net/free-port.js';
import { waitHealthy } from '../../src/deploy/targets/local/health.js';
import { benchProject } from './support.js';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '10s' }, connections: { type: 'string', default: '50' } } });
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
if (!NGINX) throw new Error('nginx is not installed: apt-get install nginx-light (.ci/run does)');

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  errors: string;
}

async function wrk(url: string): Promise<WrkResult> {
  const r = await execa('wrk', ['-t1', `-c${values.connections}`, `-d${values.duration}`, '--latency', url]);
  const ms = (v: string, unit: string): number => Number(v) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[unit]!;
  const pct = (p: string): number => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(r.stdout);
    return m ? ms(m[1]!, m[2]!) : NaN;
  };
  const errors = /Socket errors:.*|Non-2xx or 3xx responses: \d+/g;
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1]), p50: pct('50'), p99: pct('99'), errors: (r.stdout.match(errors) ?? []).join('; ') || 'none' };
}

function startNginx(upstreamPort: number, port: number, dir: string): ChildProcess {
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream app { server 127.0.0.1:${upstreamPort}; keepalive 64; }
  server { listen 127.0.0.1:${port}; location / { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
`,
  );
  return spawn(NGINX!, ['-p', dir, '-c', conf], { stdio: 'ignore' });
}

const p = await benchProject();
const nginxDir = mkdtempSync(join(tmpdir(), 'slipway-bench-nginx-'));
let nginx: ChildProcess | undefined;
try {
  const o = await p.deploy(p.bundle('good', 'bench'));
  if (!o.ok) throw new Error(o.error);
  const appPort = Number(/127\.0\.0\.1:(\d+)/.exec((await p.status()).instances[0]!.where)![1]);
  const nginxPort = await freePort();
  nginx = startNginx(appPort, nginxPort, nginxDir);
  const up = await waitHealthy({ port: nginxPort, path: '/healthz', timeoutMs: 10_000, exited: () => (nginx!.exitCode !== null ? `nginx exited ${nginx!.exitCode}` : null) });
  if (!up.ok) throw new Error(up.reason);

  const rows: [string, WrkResult][] = [];
  for (const [name, port] of [['direct to app', appPort], ['slipway proxy', p.port], ['nginx', nginxPort]] as const) {
    rows.push([name, await wrk(`http://127.0.0.1:${port}/`)]);
  }
  const direct = rows[0]![1];
  console.log(`benchmark 5: proxy throughput and added latency (node-hello, wrk -t1 -c${values.connections} -d${values.duration}, load average ${loadavg()[0]!.toFixed(1)} on ${new Date().toISOString()})`);
  console.log(`  ${'path'.padEnd(14)} ${'req/s'.padStart(9)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'+p50'.padStart(9)} ${'+p99'.padStart(9)}  errors`);
  for (const [name, r] of rows) {
    const plus = (a: number, b: number): string => (r === direct ? '—' : `${(a - b).toFixed(2)}`).padStart(9);
    console.log(`  ${name.padEnd(14)} ${r.rps.toFixed(0).padStart(9)} ${r.p50.toFixed(2).padStart(9)} ${r.p99.toFixed(2).padStart(9)} ${plus(r.p50, direct.p50)} ${plus(r.p99, direct.p99)}  ${r.errors}`);
  }
  console.log('  (latencies in ms; +p50/+p99: added over direct)');
} finally {
  nginx?.kill('SIGTERM');
  await p.cleanup();
  rmSync(nginxDir, { recursive: true, force: true });
}
