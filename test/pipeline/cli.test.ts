import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { freePort, makeProject, removeProject, specWith } from './helpers.js';

const made: string[] = [];
afterAll(() => made.forEach(removeProject));

describe('pipeline commands', () => {
  it('a pipeline YAML error names file, line and key, exits 2, and starts no run', async () => {
    const dir = makeProject({
      'slipway.yaml': specWith(`pipeline:
  steps:
    - { id: install, run: "npm ci" }
    - id: test
      run: npm test
      needs: [instal]
`),
    });
    made.push(dir);
    const r = await runCli(['pipeline', 'run', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/slipway\.yaml:13:\d+: pipeline\.steps\[1\]\.needs\[0\]: unknown step "instal" \(known: install, test\)/);
    const runs = await runCli(['runs', '--json', '--dir', dir]);
    expect(JSON.parse(runs.stdout)).toEqual([]);
  });

  it('runs, lists and shows logs (masked), and refuses an unknown step or run', async () => {
    const dir = makeProject({ 'slipway.yaml': specWith(`pipeline:\n  steps:\n    - { id: hello, run: "echo hello $NAME; echo key=$API_KEY", secrets: [API_KEY] }\n`) });
    made.push(dir);
    const env = { NAME: 'world', API_KEY: 'k-91ab77e0c3d2' };
    const run = await runCli(['pipeline', 'run', dir], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/run 1 · demo · .* @ [0-9a-f]{12} \(main\)/);
    expect(run.stdout).toMatch(/✓ hello/);
    expect(run.stdout).toMatch(/run 1 succeeded in/);
    const logs = await runCli(['logs', '1', 'hello', '--dir', dir]);
    expect(logs.stdout).toBe('hello world\nkey=***\n');
    const list = await runCli(['runs', '--dir', dir]);
    expect(list.stdout).toMatch(/^ {3}1 {2}succeeded/);
    expect((await runCli(['logs', '1', 'nope', '--dir', dir])).stderr).toMatch(/run 1 has no step "nope"/);
    const missing = await runCli(['approve', '7', '--dir', dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no run 7/);
  }, 300_000);
});

describe('slipway up (the README\'s main job)', () => {
  it('analyzes, generates, runs the pipeline and serves examples/node-hello, then a rerun changes nothing', async () => {
    const dir = makeProject({}, { from: join(REPO_ROOT, 'examples', 'node-hello') });
    made.push(dir);
    const port = await freePort();
    try {
      const first = await runCli(['up', dir, '--port', String(port)], { timeoutMs: 300_000 });
      expect(first.stderr).toBe('');
      expect(first.stdout).toContain(`node-hello is live in dev: http://127.0.0.1:${port}`);
      expect(first.code).toBe(0);
      expect(existsSync(join(dir, 'slipway.yaml'))).toBe(true);
      expect(readFileSync(join(dir, 'slipway.yaml'), 'utf8')).toMatch(/environments:\n\s+dev:\n\s+port: \d+/);
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok' });

      const again = await runCli(['up', dir, '--port', String(port)], { timeoutMs: 300_000 });
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/deploy-dev +up to date/);
      expect(again.stdout).toMatch(/cache \d+ hit\(s\), 0 miss\(es\)/);
    } finally {
      await runCli(['down', dir, '--env', 'dev']);
    }
  }, 300_000);
});
