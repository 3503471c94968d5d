import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startScenarioServer, type RunningServer } from './__fixtures__/servers.js';
import { runAgainst } from './__fixtures__/run-helpers.js';

// Every arrival of a 1-second run at 20/s fails the same way, so the counts are exact.
describe('errors are counted by kind against real servers', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startScenarioServer();
  });
  afterAll(() => server.close());

  it('status: unexpected responses, with their code', async () => {
    const { report } = await runAgainst(`${server.url}/status/503`, { rate: 20, durationMs: 1000 });
    const e = report.totals.errors;
    expect(e.byKind).toEqual({ status: 20, timeout: 0, connection: 0, response: 0 });
    expect(e.detail).toEqual({ 'status 503': 20 });
    expect(report.totals.ok).toBe(0);
    // They got a response, so their latency is recorded.
    expect(report.totals.latency.count).toBe(20);
    expect(report.slo.passed).toBe(false);
  });

  it('timeout: a server that never answers', async () => {
    const { report } = await runAgainst(`${server.url}/hang`, { rate: 20, durationMs: 1000, timeoutMs: 300 });
    expect(report.totals.errors.byKind).toEqual({ status: 0, timeout: 20, connection: 0, response: 0 });
    expect(report.totals.errors.detail).toEqual({ 'timeout headers': 20 });
    expect(report.totals.latency.count).toBe(0);
  });

  it('connection: refused, and dropped mid-request', async () => {
    const closed = await freePort();
    const refused = await runAgainst(`http://127.0.0.1:${closed}/`, { rate: 20, durationMs: 1000 });
    expect(refused.report.totals.errors.byKind).toEqual({ status: 0, timeout: 0, connection: 20, response: 0 });
    expect(refused.report.totals.errors.detail).toEqual({ 'connection ECONNREFUSED': 20 });

    const reset = await runAgainst(`${server.url}/reset`, { rate: 20, durationMs: 1000 });
    expect(reset.report.totals.errors.byKind.connection).toBe(20);
    expect(reset.report.totals.errors.total).toBe(20);
  });
});
