import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Artifact, DeployOptions, DeployTarget } from '../../src/deploy/target.js';
import type { AppSpec } from '../../src/spec/app-spec.js';

/** What a target's test supplies to the shared contract suite. */
export interface ContractFixture {
  target: DeployTarget;
  spec: AppSpec;
  projectDir: string;
  env: string;
  options?: DeployOptions;
  /** A working release whose `serving()` label is `v${n}`. */
  good(n: number): Artifact;
  /** A release that never becomes healthy. */
  bad(): Artifact;
  /** Label of the release the environment serves now. */
  serving(): Promise<string>;
  cleanup(): Promise<void>;
}

/**
 * The deploy-target contract (like Hono's router/common.case.test.ts): every target in
 * src/deploy/targets/ passes these, in this order, against real or (Kubernetes) fake parts.
 */
export function describeDeployTargetContract(name: string, make: () => Promise<ContractFixture>): void {
  describe(`DeployTarget contract: ${name}`, () => {
    let f: ContractFixture;
    const ids: string[] = [];
    const lines: string[] = [];
    const base = () => ({ spec: f.spec, projectDir: f.projectDir, env: f.env });
    const deploy = (artifact: Artifact) => f.target.deploy({ ...base(), artifact, config: {}, log: (l) => lines.push(l), ...(f.options ? { options: f.options } : {}) });

    beforeAll(async () => {
      f = await make();
    });
    afterAll(async () => {
      await f?.cleanup();
    });

    it('deploys a first release and reports it live', async () => {
      const o = await deploy(f.good(1));
      expect(o, lines.join('\n')).toMatchObject({ ok: true });
      ids.push(o.releaseId);
      expect(await f.serving()).toBe('v1');
      const releases = await f.target.releases(base());
      expect(releases.find((r) => r.id === o.releaseId)?.state).toBe('live');
    });

    it('replaces it with a second release; the first is no longer live', async () => {
      const o = await deploy(f.good(2));
      expect(o, lines.join('\n')).toMatchObject({ ok: true });
      ids.push(o.releaseId);
      expect(await f.serving()).toBe('v2');
      const releases = await f.target.releases(base());
      expect(releases.find((r) => r.id === ids[1])?.state).toBe('live');
      expect(['warm', 'retired']).toContain(releases.find((r) => r.id === ids[0])?.state);
    });

    it('rolls back automatically when a release fails; the previous one keeps serving', async () => {
      const o = await deploy(f.bad());
      expect(o.ok).toBe(false);
      expect(o.rolledBack?.to).toBe(ids[1]);
      expect(o.rolledBack?.reason).toBeTruthy();
      expect(await f.serving()).toBe('v2');
      const releases = await f.target.releases(base());
      expect(releases.find((r) => r.id === o.releaseId)?.state).toBe('failed');
      expect(releases.find((r) => r.id === ids[1])?.state).toBe('live');
    });

    it('rolls back on request to the previous release, and forward again with --to', async () => {
      const back = await f.target.rollback({ ...base(), log: (l) => lines.push(l) });
      expect(back, lines.join('\n')).toMatchObject({ ok: true, releaseId: ids[0] });
      expect(await f.serving()).toBe('v1');
      const forward = await f.target.rollback({ ...base(), to: ids[1]!, log: (l) => lines.push(l) });
      expect(forward).toMatchObject({ ok: true, releaseId: ids[1] });
      expect(await f.serving()).toBe('v2');
    });

    it('reports status: what is live', async () => {
      const s = await f.target.status(base());
      expect(s).toMatchObject({ env: f.env, target: f.target.id, state: 'running', live: ids[1] });
      expect(s.instances.length).toBeGreaterThan(0);
    });

    it('goes down on request', async () => {
      await f.target.down({ ...base(), log: (l) => lines.push(l) });
      const s = await f.target.status(base());
      expect(s.state).not.toBe('running');
    });
  });
}
