import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NGINX, startDelayServer, startNginx, type RunningServer } from './__fixtures__/servers.js';
import { runAgainst } from './__fixtures__/run-helpers.js';

// nginx from Debian (nginx-light, installed by .ci/run), started as a child process with a
// temporary config on a free loopback port; /app/ proxies to a Node server with a 50 ms delay.
const DELAY = 50;
const BODY = 'hello from nginx\n';

describe('against nginx', () => {
  let upstream: RunningServer;
  let nginx: RunningServer;
  beforeAll(async () => {
    if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install -y nginx-light (.ci/run does)`);
    upstream = await startDelayServer(() => DELAY);
    nginx = await startNginx({ upstream: new URL(upstream.url).host });
  });
  afterAll(async () => {
    await nginx?.close();
    await upstream?.close();
  });

  it('closed model: every response counted, bytes exact, no errors', async () => {
    const { report } = await runAgainst(`${nginx.url}/`, { vus: 8, durationMs: 2000 });
    const t = report.totals;
    expect(t.requests).toBeGreaterThan(100);
    expect(t.errors.total).toBe(0);
    expect(t.bytes).toBe(t.ok * BODY.length);
    expect(t.latency.count).toBe(t.requests);
    expect(t.latency.p50).toBeLessThanOrEqual(t.latency.p99);
    expect(t.latency.p99).toBeLessThanOrEqual(t.latency.max);
  });

  it('open model through nginx to a delayed upstream: the delay is the floor of every percentile', async () => {
    const { report } = await runAgainst(`${nginx.url}/app/`, { rate: 100, durationMs: 2000, slo: 'p99<5s' });
    const l = report.totals.latency;
    expect(report.totals.requests).toBe(200);
    expect(report.totals.errors.total).toBe(0);
    expect(l.min).toBeGreaterThanOrEqual(DELAY);
    expect(l.p50).toBeGreaterThanOrEqual(DELAY);
    expect(l.p50).toBeLessThan(DELAY * 10);
    expect(report.slo.passed).toBe(true);
  });

  it('status errors from nginx are counted by code', async () => {
    const { report } = await runAgainst(`${nginx.url}/status/503`, { rate: 50, durationMs: 1000 });
    expect(report.totals.errors.byKind).toEqual({ status: 50, timeout: 0, connection: 0, response: 0 });
    expect(report.totals.errors.detail).toEqual({ 'status 503': 50 });
  });
});
