import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetFor } from '../../src/deploy/targets/index.js';
import { approveRun, startRun } from '../../src/pipeline/index.js';
import { AppSpec } from '../../src/spec/app-spec.js';
import { loadSpec } from '../../src/spec/io.js';
import { currentOwner, isOwnerAlive } from '../../src/store/owner.js';
import { openStore } from '../../src/store/open.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { commitAll, freePort, makeProject, removeProject, write } from './helpers.js';

// The pipeline's deploy steps against the REAL local target (src/deploy/targets/local): its
// agents serve examples/node-hello on loopback ports picked for this test.
const HELLO = join(REPO_ROOT, 'examples', 'node-hello');

function specYaml(ports: Record<string, number>, extra = ''): string {
  return `version: 1
name: hello-pipe
components:
  - name: web
    kind: web
    language: javascript
    runtime: node
    packageManager: npm
    commands: { install: npm ci, test: npm test, start: node src/server.js }
    port: 3000
    healthcheck: /healthz
${extra}environments:
  dev: { port: ${ports.dev} }
  test: { port: ${ports.test} }
  prod: { port: ${ports.prod} }
pipeline:
  stages:
    - name: build
      steps:
        - { id: install, uses: install }
        - { id: test, uses: test, needs: [install] }
    - name: gate
      steps:
        - { id: gate, uses: review-gate, with: { review: false, audit: false } }
    - name: dev
      steps:
        - { id: deploy-dev, uses: deploy, environment: dev, timeout: 3m }
        - { id: validate-dev, uses: validate, environment: dev, needs: [deploy-dev] }
    - name: test
      steps:
        - { id: deploy-test, uses: deploy, environment: test, when: { environment: [test] } }
        - { id: validate-test, uses: validate, environment: test, needs: [deploy-test], when: { environment: [test] } }
    - name: prod
      steps:
        - { id: approve-prod, uses: approval, environment: prod }
        - { id: deploy-prod, uses: deploy, environment: prod, needs: [approve-prod] }
        - { id: validate-prod, uses: validate, environment: prod, needs: [deploy-prod] }
`;
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.text() };
}

describe('deploying through the pipeline (real local target)', () => {
  let dir = '';
  let ports: Record<string, number> = {};

  beforeAll(async () => {
    ports = { dev: await freePort(), test: await freePort(), prod: await freePort() };
    dir = makeProject({ 'slipway.yaml': specYaml(ports) }, { from: HELLO });
  });
  afterAll(async () => {
    const loaded = loadSpec(dir);
    const spec = loaded?.ok ? loaded.spec : AppSpec.parse({ version: 1, name: 'hello-pipe', components: [{ name: 'web', kind: 'web', language: 'javascript', runtime: 'node' }] });
    for (const env of ['dev', 'test', 'prod']) await targetFor(spec, env).down({ spec, projectDir: dir, env, log: () => undefined }).catch(() => undefined);
    removeProject(dir);
  });

  it('promotes one artifact dev → test, waits for approval before prod, then deploys the same digest there', async () => {
    const r = await startRun({ dir });
    expect(r.status).toBe('waiting-approval');
    expect(r.steps.filter((s) => s.status !== 'succeeded').map((s) => [s.stepId, s.status])).toEqual([
      ['approve-prod', 'waiting'],
      ['deploy-prod', 'pending'],
      ['validate-prod', 'pending'],
    ]);
    const dev = await get(`http://127.0.0.1:${ports.dev}/healthz`);
    expect(dev.status).toBe(200);
    expect((await get(`http://127.0.0.1:${ports.test}/healthz`)).status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${ports.prod}/healthz`)).rejects.toThrow();

    const { approved, outcome } = await approveRun(dir, r.run.id, { by: 'ana', comment: 'release 1' });
    expect(approved).toEqual(['approve-prod']);
    expect(outcome!.status).toBe('succeeded');
    expect(outcome!.url).toBe(`http://127.0.0.1:${ports.prod}`);
    expect((await get(`http://127.0.0.1:${ports.prod}/healthz`)).status).toBe(200);

    const store = await openStore(dir);
    try {
      const deployments = await store.listDeployments({ project: 'hello-pipe' });
      expect(deployments.map((d) => [d.env, d.status])).toEqual([
        ['prod', 'succeeded'],
        ['test', 'succeeded'],
        ['dev', 'succeeded'],
      ]);
      expect(new Set(deployments.map((d) => d.artifactDigest)).size).toBe(1);
      expect(deployments[0]!.artifactDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(await store.getApproval(r.run.id, 'approve-prod')).toMatchObject({ approvedBy: 'ana', comment: 'release 1', env: 'prod' });
      expect((await store.listReleases('hello-pipe', 'prod')).map((x) => x.digest)).toEqual([deployments[0]!.artifactDigest]);
    } finally {
      await store.close();
    }
  });

  it('a rerun without changes deploys nothing: every step is a cache hit or already serving', async () => {
    const r = await startRun({ dir, env: 'dev' });
    expect(r.status).toBe('succeeded');
    expect(Object.fromEntries(r.steps.map((s) => [s.stepId, s.status]))).toMatchObject({
      install: 'cached', test: 'cached', gate: 'cached', 'deploy-dev': 'cached', 'validate-dev': 'succeeded', 'deploy-test': 'skipped',
    });
    expect(JSON.parse(r.steps.find((s) => s.stepId === 'deploy-dev')!.outputs!).note).toMatch(/^dev already serves sha256:/);
  });

  it('a release whose ValidateService hook fails is rolled back and the previous one keeps serving', async () => {
    const before = JSON.parse((await get(`http://127.0.0.1:${ports.dev}/healthz`)).body) as { release: string };
    write(dir, 'slipway.yaml', specYaml(ports).replace('    healthcheck: /healthz\n', '    healthcheck: /healthz\n    hooks: { validateService: "echo checking; exit 3" }\n'));
    commitAll(dir, 'a hook that fails');
    const r = await startRun({ dir, env: 'dev' });
    expect(r.status).toBe('failed');
    const deploy = r.steps.find((s) => s.stepId === 'deploy-dev')!;
    expect(deploy.status).toBe('failed');
    expect(deploy.error).toMatch(/^release \S+ failed in dev: .*ValidateService.*; rolled back to /i);
    const after = JSON.parse((await get(`http://127.0.0.1:${ports.dev}/healthz`)).body) as { release: string };
    expect(after.release).toBe(before.release);
    const store = await openStore(dir);
    const [last] = await store.listDeployments({ project: 'hello-pipe', env: 'dev', limit: 1 });
    await store.close();
    expect(last!.status).toBe('rolled-back');
    write(dir, 'slipway.yaml', specYaml(ports));
    commitAll(dir, 'hook removed');
  });

  it('an environment port taken by something else fails the deploy step with the port and the key to change', async () => {
    const loaded = loadSpec(dir);
    if (!loaded?.ok) throw new Error('slipway.yaml');
    await targetFor(loaded.spec, 'test').down({ spec: loaded.spec, projectDir: dir, env: 'test', log: () => undefined });
    const busy = createServer((_req, res) => res.end('not slipway'));
    await new Promise<void>((resolve) => busy.listen(ports.test, '127.0.0.1', resolve));
    try {
      const r = await startRun({ dir, env: 'test' });
      const deploy = r.steps.find((s) => s.stepId === 'deploy-test')!;
      expect(deploy.status).toBe('failed');
      expect(deploy.error).toContain(String(ports.test));
      expect(deploy.error).toContain('environments.test.port');
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('one deploy at a time per environment: waits for a live holder, takes over a dead one\'s lock', async () => {
    const store = await openStore(dir);
    const holder = { ...currentOwner(), startedAt: '' }; // this test process, as another deployer
    expect((await store.acquireEnvLock('hello-pipe', 'dev', 999, holder, isOwnerAlive)).ok).toBe(true);
    await store.close();
    write(dir, 'slipway.yaml', specYaml(ports).replace('environment: dev, timeout: 3m', 'environment: dev, timeout: 2s'));
    commitAll(dir, 'short deploy timeout');
    const blocked = await startRun({ dir, env: 'dev' });
    const deploy = blocked.steps.find((s) => s.stepId === 'deploy-dev')!;
    expect(deploy.status).toBe('failed');
    expect(deploy.error).toMatch(/dev stayed locked by run 999|timed out after 2\.0 s/);

    const s2 = await openStore(dir);
    await s2.releaseEnvLock('hello-pipe', 'dev', holder);
    const dead = { pid: 4_194_999, host: holder.host, startedAt: '1' };
    expect((await s2.acquireEnvLock('hello-pipe', 'dev', 998, dead, () => true)).ok).toBe(true);
    await s2.close();
    write(dir, 'slipway.yaml', specYaml(ports));
    commitAll(dir, 'normal timeout');
    const through = await startRun({ dir, env: 'dev' });
    expect(through.steps.find((s) => s.stepId === 'deploy-dev')!.status).toMatch(/succeeded|cached/);
  });
});
