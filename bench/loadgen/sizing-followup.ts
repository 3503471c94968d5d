import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/loadtest/__fixtures__/servers.js';
import type { LoadTestReport } from '../../src/loadtest/report/types.js';
import { slipway } from './processes.js';

/** A user's app with a known capacity: one request at a time, SERVICE_MS each (200/s at 5 ms). */
const APP = `import { createServer } from 'node:http';
const SERVICE_MS = 5;
let freeAt = 0;
createServer((req, res) => {
  freeAt = Math.max(performance.now(), freeAt) + SERVICE_MS;
  setTimeout(() => {
    if (req.socket.destroyed) return;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  }, Math.max(0, freeAt - performance.now()));
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

const spec = (port: number): string => `# a capacity-limited app for the sizing follow-up
version: 1
name: capacity-app
environments:
  dev:
    port: ${port}
components:
  - name: web
    path: .
    kind: web
    language: javascript
    runtime: node
    commands:
      start: node server.mjs
    port: 8080
    healthcheck: /
    tier: low
`;

export interface FollowUp {
  project: string;
  slo: string;
  targetRps: number;
  oneReplica: LoadTestReport;
  stress: LoadTestReport;
  replicas: number;
  atRecommended: LoadTestReport;
  slipwayYamlScale: string;
}

/**
 * The sizing loop end to end through Slipway's local deploy target (its proxy round-robins
 * over `scale.minReplicas` process replicas): deploy one replica; show that it cannot carry
 * the target rate; stress it and --apply the sizing; redeploy; load at the target rate again.
 */
export async function sizingFollowUp(targetRps: number, seconds: number): Promise<FollowUp> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-bench-sizing-'));
  const slo = 'p99<250ms,errors<0.1%';
  writeFileSync(join(dir, 'server.mjs'), APP);
  writeFileSync(join(dir, 'slipway.yaml'), spec(await freePort()));
  const loadtest = async (args: string[]): Promise<LoadTestReport> =>
    JSON.parse((await slipway(['loadtest', '--env', 'dev', '--dir', dir, '--slo', slo, '--json', ...args], true)).stdout) as LoadTestReport;
  try {
    await slipway(['deploy', dir, '--env', 'dev', '--bake', '0']);
    const oneReplica = await loadtest(['--rate', String(targetRps), '--duration', `${seconds}s`, '--warmup', '3s']);
    const stress = await loadtest(['--profile', 'stress', '--rate', '25', '--duration', '3s', '--target-rate', String(targetRps), '--apply']);
    const yaml = readFileSync(join(dir, 'slipway.yaml'), 'utf8');
    const replicas = stress.sizing?.minReplicas ?? 0;
    await slipway(['deploy', dir, '--env', 'dev', '--bake', '0']);
    const atRecommended = await loadtest(['--rate', String(targetRps), '--duration', `${seconds}s`, '--warmup', '3s']);
    return { project: dir, slo, targetRps, oneReplica, stress, replicas, atRecommended, slipwayYamlScale: /scale:\n(?: {6}.*\n)+/.exec(yaml)?.[0] ?? '' };
  } finally {
    await slipway(['down', dir, '--env', 'dev'], true);
    rmSync(dir, { recursive: true, force: true });
  }
}
