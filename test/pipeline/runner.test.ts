import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startRun } from '../../src/pipeline/index.js';
import { PlainReporter } from '../../src/pipeline/progress/plain.js';
import { openStore } from '../../src/store/open.js';
import { testDatabaseUrl, withoutTestDatabase } from '../../src/store/testing/test-database.js';
import { commitAll, git, isAlive, makeProject, removeProject, specWith, write } from './helpers.js';

// Real runs: real git exports, real shell commands, the real SQLite store under .slipway/.
const made: string[] = [];
const project = (files: Record<string, string>, opts?: { git?: boolean }) => {
  const dir = makeProject(files, opts);
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach(removeProject));

function capture() {
  let text = '';
  const out = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
  // picocolors colours output when CI is set: compare the text without its escapes.
  return { reporter: new PlainReporter(out), text: () => stripVTControlCharacters(text) };
}

const cachedPipeline = specWith(`pipeline:
  stages:
    - name: build
      steps:
        - id: compile
          run: mkdir -p out && cat src/*.txt > out/all.txt && echo compiled
          inputs: ["src/**"]
          outputs: [out]
          env: { MODE: fast }
    - name: check
      steps:
        - { id: verify, run: "grep -q hello out/all.txt && echo verified", inputs: ["src/**"] }
        - { id: read, run: "cat out/all.txt" }
`);

describe('pipeline runner', () => {
  it('caches steps on their declared inputs, restores outputs on a hit, and shows hits and misses', async () => {
    const dir = project({ 'slipway.yaml': cachedPipeline, 'src/a.txt': 'hello\n' });
    const first = capture();
    const r1 = await startRun({ dir, reporter: first.reporter });
    expect(r1.status).toBe('succeeded');
    expect(r1.steps.map((s) => [s.stepId, s.status, s.cacheHit])).toEqual([
      ['compile', 'succeeded', false],
      ['verify', 'succeeded', false],
      ['read', 'succeeded', false],
    ]);
    expect(first.text()).toMatch(/compile +cache miss/);

    const second = capture();
    const r2 = await startRun({ dir, reporter: second.reporter });
    expect(r2.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['compile', 'cached'],
      ['verify', 'cached'],
      ['read', 'succeeded'], // no inputs: always runs, and finds the restored out/all.txt
    ]);
    expect(second.text()).toMatch(/compile +cache hit/);
    expect(second.text()).toMatch(/cache 2 hit\(s\), 0 miss\(es\)/);

    // A changed input misses, and so does every step downstream of it.
    write(dir, 'src/b.txt', 'more\n');
    commitAll(dir, 'more input');
    const r3 = await startRun({ dir });
    expect(r3.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['compile', 'succeeded'],
      ['verify', 'succeeded'],
      ['read', 'succeeded'],
    ]);
    // So does a changed step definition (its env).
    write(dir, 'slipway.yaml', cachedPipeline.replace('MODE: fast', 'MODE: slow'));
    commitAll(dir, 'slower');
    const r4 = await startRun({ dir });
    expect(r4.steps.find((s) => s.stepId === 'compile')!.status).toBe('succeeded');
  });

  it('exports a commit, not the working tree, and says which', async () => {
    const dir = project({ 'slipway.yaml': specWith(`pipeline:\n  steps:\n    - { id: show, run: "cat note.txt" }\n`), 'note.txt': 'committed\n' });
    write(dir, 'note.txt', 'uncommitted\n');
    const r = await startRun({ dir });
    expect(r.status).toBe('succeeded');
    expect(r.run.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(r.run.branch).toBe('main');
    const log = readFileSync(join(dir, '.slipway/logs', String(r.run.id), 'show.1.log'), 'utf8');
    expect(log).toContain('committed');
    expect(log).not.toContain('uncommitted');
  });

  it('retries a flaky step, stops a step at its timeout with everything it started, and explains a missing command', async () => {
    const dir = project({
      'slipway.yaml': specWith(`pipeline:
  steps:
    - { id: flaky, run: "if [ -e \\"$COUNTER\\" ]; then echo second try; else touch \\"$COUNTER\\"; exit 3; fi", retries: 2 }
    - { id: slow, run: "sleep 60 & echo $! > \\"$PIDFILE\\"; wait", timeout: 1s, needs: [flaky] }
`),
    });
    const counter = join(dir, 'counter');
    const pidfile = join(dir, 'sleep.pid');
    const r = await startRun({ dir, processEnv: { ...process.env, COUNTER: counter, PIDFILE: pidfile } });
    const flaky = r.steps.find((s) => s.stepId === 'flaky')!;
    expect(flaky.status).toBe('succeeded');
    expect(readFileSync(join(dir, '.slipway/logs', String(r.run.id), 'flaky.1.log'), 'utf8')).toMatch(/retry 1\/2 after: `.*` exited with 3\nsecond try/);
    const slow = r.steps.find((s) => s.stepId === 'slow')!;
    expect(slow.status).toBe('failed');
    expect(slow.error).toMatch(/^timed out after 1\.0 s \(raise `timeout` at slipway\.yaml:\d+ pipeline\.steps\[1\]\.run\)/);
    expect(isAlive(Number(readFileSync(pidfile, 'utf8')))).toBe(false);
    expect(r.status).toBe('failed');

    const missing = project({ 'slipway.yaml': specWith(`pipeline:\n  steps:\n    - { id: deploy-docs, run: "mkdocs-not-installed build --strict" }\n    - { id: after, run: "true", needs: [deploy-docs] }\n`) });
    const m = await startRun({ dir: missing });
    expect(m.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['deploy-docs', 'failed'],
      ['after', 'pending'],
    ]);
    expect(m.steps[0]!.exitCode).toBe(127);
    expect(m.steps[0]!.error).toBe('command not found: "mkdocs-not-installed" (exit 127): install it, or fix the command at slipway.yaml:10 pipeline.steps[0].run');
  });

  it('gives a step only the secrets it declares, masked everywhere, and fails clearly when one has no value', async () => {
    const dir = project({
      'slipway.yaml': specWith(`pipeline:
  steps:
    - { id: use, run: "echo token=$API_TOKEN; echo other=\${DB_PASSWORD:-unset}", secrets: [API_TOKEN] }
    - { id: missing, run: "true", secrets: [NOT_SET_ANYWHERE], needs: [use] }
`),
    });
    const env: NodeJS.ProcessEnv = { ...process.env, API_TOKEN: 'tok-4e8f2a9c-live', DB_PASSWORD: 'pw-should-stay-out' };
    delete env.NOT_SET_ANYWHERE;
    const r = await startRun({ dir, processEnv: env });
    const log = readFileSync(join(dir, '.slipway/logs', String(r.run.id), 'use.1.log'), 'utf8');
    expect(log).toContain('token=***');
    expect(log).not.toContain('tok-4e8f2a9c-live');
    const missing = r.steps.find((s) => s.stepId === 'missing')!;
    expect(missing.status).toBe('failed');
    expect(missing.error).toMatch(/secret\(s\) NOT_SET_ANYWHERE have no value: export them, or put them in config\/dev\.secrets\.env/);
  });

  it('--from-step starts later, taking earlier results from the cache (or saying there is none)', async () => {
    const dir = project({ 'slipway.yaml': cachedPipeline, 'src/a.txt': 'hello\n' });
    const cold = await startRun({ dir, fromStep: 'read' });
    expect(cold.status).toBe('failed');
    expect(cold.steps.find((s) => s.stepId === 'compile')!.error).toMatch(/--from-step read: "compile" has no cached result/);
    await startRun({ dir });
    const warm = await startRun({ dir, fromStep: 'read' });
    expect(warm.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['compile', 'cached'],
      ['verify', 'cached'],
      ['read', 'succeeded'],
    ]);
  });

  it.skipIf(withoutTestDatabase)('runs, caches and records the same with the PostgreSQL store', async () => {
    const url = testDatabaseUrl();
    const schema = `slipway_test_runner_${process.pid}`;
    const store = await openStore('/nonexistent', { SLIPWAY_DATABASE_URL: url, SLIPWAY_DATABASE_SCHEMA: schema });
    try {
      const dir = project({ 'slipway.yaml': cachedPipeline, 'src/a.txt': 'hello\n' });
      const r1 = await startRun({ dir, store });
      const r2 = await startRun({ dir, store });
      expect(r1.status).toBe('succeeded');
      expect(r2.steps.map((s) => s.status)).toEqual(['cached', 'cached', 'succeeded']);
      expect((await store.listRuns({ project: 'demo' })).map((r) => r.id)).toEqual([r2.run.id, r1.run.id]);
      expect(await store.listLogs(r2.run.id)).toHaveLength(3);
    } finally {
      await store.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });

  it('builds a branch of a git URL, and mirrors the commit to a second remote after success', async () => {
    const upstream = project({ 'slipway.yaml': specWith(`pipeline:\n  steps:\n    - { id: show, run: "cat which.txt" }\n  mirror: { remote: mirror.git }\n`), 'which.txt': 'main\n' });
    git(upstream, 'checkout', '-q', '-b', 'release');
    write(upstream, 'which.txt', 'release\n');
    const sha = commitAll(upstream, 'release branch');
    git(upstream, 'checkout', '-q', 'main');
    const here = project({}, { git: false });
    const mirror = join(here, 'mirror.git');
    git(here, 'init', '-q', '--bare', 'mirror.git');

    const r = await startRun({ dir: here, source: `file://${upstream}`, branch: 'release' });
    expect(r.steps.map((s) => [s.stepId, s.status, s.error])).toEqual([
      ['show', 'succeeded', null],
      ['mirror', 'succeeded', null],
    ]);
    expect(r.status).toBe('succeeded');
    expect(r.run.commit).toBe(sha);
    expect(r.run.source).toMatch(/^file:\/\/.* @ [0-9a-f]{12} \(release\)$/);
    expect(readFileSync(join(here, '.slipway/logs', String(r.run.id), 'show.1.log'), 'utf8')).toContain('release');
    expect(r.steps.find((s) => s.stepId === 'mirror')!.status).toBe('succeeded');
    expect(git(mirror, 'rev-parse', 'refs/heads/release').trim()).toBe(sha);
    expect(existsSync(join(here, '.slipway/runs', String(r.run.id)))).toBe(false); // workspace removed after success
  });
});
