import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { startCapacityServer, startScenarioServer } from './__fixtures__/servers.js';
import type { LoadTestReport } from './report/types.js';

// The real CLI in a child process, against real local servers; the project is a temp dir.
const spec = (port: number): string => `# the shop
version: 1
name: shop
environments:
  dev:
    port: ${port} # the local target's proxy
components:
  - name: web # storefront
    path: .
    kind: web
    language: javascript
    runtime: node
    tier: medium
`;

describe('slipway loadtest', () => {
  let dir: string;
  let app: Awaited<ReturnType<typeof startScenarioServer>>;
  let capacity: Awaited<ReturnType<typeof startCapacityServer>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-test-loadtest-'));
    app = await startScenarioServer();
    capacity = await startCapacityServer(10);
  });
  afterAll(async () => {
    await app.close();
    await capacity.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('--json prints the report, stores it for the dashboard, and --report writes the HTML', async () => {
    const html = join(dir, 'report.html');
    const r = await runCli(['loadtest', `${app.url}/ok`, '--rate', '20', '--duration', '1s', '--json', '--report', html, '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as LoadTestReport;
    expect(report).toMatchObject({ version: 1, profile: 'load', model: 'open', target: { url: `${app.url}/ok` }, slo: { passed: true } });
    expect(report.totals.requests).toBe(20);
    const stored = join(dir, '.slipway', 'loadtests', `${report.id}.json`);
    expect(JSON.parse(readFileSync(stored, 'utf8'))).toEqual(report);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/<script|src="http/);
  });

  it('exits 4 when the SLO is broken, and prints errors by kind', async () => {
    const r = await runCli(['loadtest', `${app.url}/status/500`, '--rate', '10', '--duration', '1s', '--dir', dir]);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('status 10');
    expect(r.stdout).toContain('✗ errors<1%');
  });

  it('--env resolves the environment URL from slipway.yaml', async () => {
    const project = mkdtempSync(join(dir, 'env-'));
    writeFileSync(join(project, 'slipway.yaml'), spec(app.port));
    const r = await runCli(['loadtest', '--env', 'dev', '--rate', '10', '--duration', '1s', '--json', '--dir', project]);
    expect(r.code, r.stderr).toBe(4); // the app answers 404 on / — what matters is where the load went
    const report = JSON.parse(r.stdout) as LoadTestReport;
    expect(report.target).toEqual({ url: `http://127.0.0.1:${app.port}/`, env: 'dev' });
    expect(report.totals.errors.detail).toEqual({ 'status 404': 10 });
  });

  it('stress --apply writes replicas, HPA bounds and requests into slipway.yaml, keeping comments', async () => {
    const project = mkdtempSync(join(dir, 'apply-'));
    writeFileSync(join(project, 'slipway.yaml'), spec(7100));
    // --max-rate 40 on a 100/s server: both steps hold, so the capacity is the lower bound 40.
    const args = ['loadtest', capacity.url, '--profile', 'stress', '--rate', '20', '--max-rate', '40', '--duration', '1s', '--target-rate', '250', '--apply', '--dir', project];
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/knee\s+40 req\/s or more/);
    expect(r.stdout).toContain('replicas 9–18');
    const yaml = readFileSync(join(project, 'slipway.yaml'), 'utf8');
    expect(yaml).toContain('# the shop');
    expect(yaml).toContain('port: 7100 # the local target');
    expect(yaml).toContain('- name: web # storefront');
    // 40 × 70% = 28 req/s per replica: ⌈250 / 28⌉ = 9; burst ⌈500 / 28⌉ = 18; medium requests.
    expect(yaml).toMatch(/scale:\n\s+minReplicas: 9\n\s+maxReplicas: 18\n\s+cpu: 250m\n\s+memory: 256Mi\n\s+targetRps: 250\n\s+capacityRps: 40\n/);
    expect(readdirSync(join(project, '.slipway', 'loadtests'))).toHaveLength(1);
  });


});
