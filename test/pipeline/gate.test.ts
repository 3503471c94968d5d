import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExitCode } from '../../src/cli/pipeline/run-output.js';
import { startRun } from '../../src/pipeline/index.js';
import { EXIT } from '../../src/errors.js';
import { commitAll, makeProject, removeProject, write } from './helpers.js';
import { startFakeAdvisories, VULNERABLE_LOCKFILE } from './fake-npm-advisories.js';

const made: string[] = [];
afterAll(() => made.forEach(removeProject));

/** A node component whose test command is given; the gate's `with:` is given; a marker step stands for the deploy. */
function gated(test: string, gateWith: string, files: Record<string, string> = {}): string {
  const dir = makeProject({
    'slipway.yaml': `version: 1
name: gated
components:
  - name: gated
    kind: worker
    language: javascript
    runtime: node
    packageManager: npm
    commands: { test: "${test}" }
pipeline:
  stages:
    - name: test
      steps:
        - { id: test, uses: test }
    - name: gate
      steps:
        - { id: gate, uses: review-gate, with: ${gateWith} }
    - name: ship
      steps:
        - { id: ship, run: "echo shipped" }
`,
    'package.json': '{ "name": "gated", "version": "1.0.0" }\n',
    ...files,
  });
  made.push(dir);
  return dir;
}

const lcov = (found: number, hit: number) => `TN:\nSF:src/a.js\nLF:${found}\nLH:${hit}\nend_of_record\n`;

describe('quality gate', () => {
  it('fails before any deploy when tests fail, and reports every condition', async () => {
    const dir = gated('echo 2 of 3 tests failed; exit 1', '{ review: false, audit: false }');
    const r = await startRun({ dir });
    expect(r.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['test', 'failed'],
      ['gate', 'failed'],
      ['ship', 'pending'],
    ]);
    const gate = r.steps.find((s) => s.stepId === 'gate')!;
    expect(gate.error).toMatch(/^quality gate failed: tests \(test failed: `echo 2 of 3 tests failed; exit 1` exited with 1\)/);
    const report = JSON.parse(gate.outputs!) as { gate: { conditions: { name: string; state: string }[] } };
    expect(report.gate.conditions.map((c) => [c.name, c.state])).toEqual([
      ['tests', 'failed'],
      ['coverage', 'skipped'],
      ['vulnerabilities', 'skipped'],
      ['review', 'skipped'],
    ]);
    expect(runExitCode(r)).toBe(EXIT.gateFailed);
  });

  it('fails on coverage under the threshold (lcov) and passes above it', async () => {
    const low = gated('mkdir -p coverage && cp lcov.fixture coverage/lcov.info', '{ review: false, audit: false, minCoverage: 80 }', { 'lcov.fixture': lcov(200, 90) });
    const r = await startRun({ dir: low });
    expect(r.steps.find((s) => s.stepId === 'gate')!.error).toBe('quality gate failed: coverage (test covers 45.0% of lines, under the 80% threshold)');
    expect(r.steps.find((s) => s.stepId === 'ship')!.status).toBe('pending');

    const high = gated('mkdir -p coverage && cp cobertura.fixture coverage/cobertura-coverage.xml', '{ review: false, audit: false, minCoverage: 80 }', {
      'cobertura.fixture': '<?xml version="1.0"?>\n<coverage lines-valid="50" lines-covered="45" line-rate="0.9"></coverage>\n',
    });
    const ok = await startRun({ dir: high });
    expect(ok.status).toBe('succeeded');
    expect(ok.steps.find((s) => s.stepId === 'gate')!.outputs).toContain('test 90.0% ≥ 80%');
    // A cached test still hands its coverage to the gate.
    const again = await startRun({ dir: high });
    expect(again.steps.map((s) => s.status)).toEqual(['cached', 'cached', 'succeeded']);
  });

  it('fails on review findings at the threshold, using src/review', async () => {
    const dir = gated('true', '{ audit: false }', {
      Dockerfile: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/install.sh | sh\nCMD ["sh"]\n',
      'src/app.js': 'module.exports = 1;\n',
    });
    const r = await startRun({ dir });
    const gate = r.steps.find((s) => s.stepId === 'gate')!;
    expect(gate.status).toBe('failed');
    expect(gate.error).toMatch(/^quality gate failed: review \(\d+ open findings? of severity high or above.*SLW-DF-0\d\d Dockerfile:\d/);
    expect(r.steps.find((s) => s.stepId === 'ship')!.status).toBe('pending');

    // Application code changes: the tests and the gate run again, the review result is reused.
    write(dir, 'src/app.js', 'module.exports = 2;\n');
    commitAll(dir, 'app change');
    const again = await startRun({ dir });
    const gate2 = again.steps.find((s) => s.stepId === 'gate')!;
    expect(gate2.status).toBe('failed');
    expect(gate2.error).toBe(gate.error);
    expect(readFileSync(join(dir, '.slipway/logs', String(again.run.id), 'gate.1.log'), 'utf8')).toContain('its result is reused');
  });

  describe('known vulnerabilities (npm audit against a FAKE advisory endpoint)', () => {
    let fake: Awaited<ReturnType<typeof startFakeAdvisories>>;
    beforeAll(async () => {
      fake = await startFakeAdvisories();
    });
    afterAll(() => fake.close());

    it('fails on a high vulnerability in the lockfile, naming the package', async () => {
      const dir = gated('true', '{ review: false }', { 'package-lock.json': VULNERABLE_LOCKFILE });
      const r = await startRun({ dir, processEnv: { ...process.env, npm_config_registry: fake.url } });
      const gate = r.steps.find((s) => s.stepId === 'gate')!;
      expect(fake.requests).toContain('POST /-/npm/v1/security/advisories/bulk');
      expect(gate.error).toMatch(/^quality gate failed: vulnerabilities \(gated: 0 critical, 1 high \(lodash \(high\)\) — more than 0 allowed; run `npm audit fix`\)$/);
      expect(runExitCode(r)).toBe(EXIT.gateFailed);
    });

    it('passes when the threshold allows it, and skips (saying why) when the registry has no audit endpoint', async () => {
      const dir = gated('true', '{ review: false, maxHighVulnerabilities: 1 }', { 'package-lock.json': VULNERABLE_LOCKFILE });
      const ok = await startRun({ dir, processEnv: { ...process.env, npm_config_registry: fake.url } });
      expect(ok.status).toBe('succeeded');
      const noEndpoint = gated('true', '{ review: false }', { 'package-lock.json': VULNERABLE_LOCKFILE });
      const skipped = await startRun({ dir: noEndpoint, processEnv: { ...process.env, npm_config_registry: `${fake.url}nowhere/` } });
      expect(skipped.status).toBe('succeeded');
      expect(skipped.steps.find((s) => s.stepId === 'gate')!.outputs).toMatch(/"name":"vulnerabilities","state":"skipped","detail":"gated: the registry does not offer npm audit \(HTTP 404\)"/);
    });
  });
});
