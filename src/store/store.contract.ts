import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, schemaVersion } from './sql/migrations.js';
import type { SqlDb } from './sql/db.js';
import { SqlStore } from './sql/sql-store.js';
import { currentOwner, isOwnerAlive } from './owner.js';
import type { Owner, Store } from './types.js';

/** A process that certainly does not run: pid above Linux's pid_max. */
export const DEAD_OWNER: Owner = { pid: 4_194_999, host: hostname(), startedAt: '1' };

/**
 * The Store contract: every backend passes the same suite (Hono's router/common.case.test.ts
 * habit). `open` returns a fresh, empty database each time; `reopen` a second handle on it.
 */
export function storeContract(name: string, backend: { open(): Promise<SqlDb>; reopen(): Promise<SqlDb>; cleanup?(): Promise<void> }): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    const me = currentOwner();
    const newRun = (project = 'shop') => store.createRun({ project, projectDir: '/p', trigger: 'cli', source: '/p', branch: 'main', targetEnv: 'dev' }, me);

    beforeEach(async () => {
      store = await SqlStore.open(await backend.open());
    });
    afterEach(async () => {
      await store.close();
      await backend.cleanup?.();
    });

    it('applies every migration once, and reopening is a no-op', async () => {
      const again = await backend.reopen();
      await SqlStore.open(again);
      expect(await schemaVersion(again)).toBe(MIGRATIONS.at(-1)!.version);
      const rows = await again.all('SELECT version FROM schema_migrations');
      expect(rows).toHaveLength(MIGRATIONS.length);
      await again.close();
    });

    it('creates, updates and lists runs newest first, per project', async () => {
      const a = await newRun();
      const b = await newRun();
      await newRun('other');
      expect(a.status).toBe('queued');
      expect(a.owner).toEqual(me);
      await store.updateRun(a.id, { status: 'succeeded', commit: 'abc123', finishedAt: '2026-01-01T00:00:00.000Z', error: null });
      const got = await store.getRun(a.id);
      expect(got).toMatchObject({ status: 'succeeded', commit: 'abc123', branch: 'main', targetEnv: 'dev', cancelRequested: false, attempts: 1 });
      expect((await store.listRuns({ project: 'shop' })).map((r) => r.id)).toEqual([b.id, a.id]);
      expect(await store.listRuns({ limit: 1 })).toHaveLength(1);
      expect(await store.getRun(9_999_999)).toBeUndefined();
    });

    it('keeps steps in plan order and records their progress', async () => {
      const run = await newRun();
      await store.addSteps(run.id, [
        { stepId: 'install', seq: 0, stage: 'build' },
        { stepId: 'test', seq: 1, stage: 'test' },
      ]);
      await store.addSteps(run.id, [{ stepId: 'install', seq: 0, stage: 'build' }]);
      await store.updateStep(run.id, 'install', { status: 'cached', cacheKey: 'k1', cacheHit: true, durationMs: 3, attempt: 1 });
      await store.updateStep(run.id, 'test', { status: 'failed', exitCode: 127, error: 'command not found', attempt: 1, outputs: '{"x":1}' });
      const steps = await store.listSteps(run.id);
      expect(steps.map((s) => [s.stepId, s.status])).toEqual([
        ['install', 'cached'],
        ['test', 'failed'],
      ]);
      expect(steps[0]).toMatchObject({ cacheKey: 'k1', cacheHit: true, durationMs: 3 });
      expect(steps[1]).toMatchObject({ exitCode: 127, error: 'command not found', outputs: '{"x":1}' });
    });

    it('indexes logs per step attempt', async () => {
      const run = await newRun();
      await store.addSteps(run.id, [
        { stepId: 'a', seq: 0, stage: 's' },
        { stepId: 'b', seq: 1, stage: 's' },
      ]);
      await store.indexLog({ runId: run.id, stepId: 'b', attempt: 1, path: '/l/b.1.log', bytes: 10, lines: 1 });
      await store.indexLog({ runId: run.id, stepId: 'a', attempt: 1, path: '/l/a.1.log', bytes: 5, lines: 1 });
      await store.indexLog({ runId: run.id, stepId: 'a', attempt: 1, path: '/l/a.1.log', bytes: 50, lines: 4 });
      const all = await store.listLogs(run.id);
      expect(all.map((l) => [l.stepId, l.bytes])).toEqual([
        ['a', 50],
        ['b', 10],
      ]);
      expect(await store.listLogs(run.id, 'b')).toHaveLength(1);
    });

    it('records artifacts, deployments and releases', async () => {
      const run = await newRun();
      await store.putArtifact({ project: 'shop', digest: 'sha256:aa', kind: 'bundle', location: '/a/aa', runId: run.id });
      await store.putArtifact({ project: 'shop', digest: 'sha256:aa', kind: 'bundle', location: '/a/aa2', runId: run.id });
      expect(await store.getArtifact('sha256:aa')).toMatchObject({ kind: 'bundle', location: '/a/aa2', runId: run.id });
      const d1 = await store.startDeployment({ project: 'shop', env: 'dev', runId: run.id, artifactDigest: 'sha256:aa', deployKey: 'k1' });
      await store.finishDeployment(d1, { status: 'succeeded', releaseId: 'r1', reason: null, url: 'http://127.0.0.1:7100', durationMs: 900 });
      const d2 = await store.startDeployment({ project: 'shop', env: 'dev', runId: run.id, artifactDigest: 'sha256:bb', deployKey: null });
      await store.finishDeployment(d2, { status: 'rolled-back', releaseId: 'r2', reason: 'health check failed', url: null, durationMs: 1200 });
      const deps = await store.listDeployments({ project: 'shop', env: 'dev' });
      expect(deps.map((d) => [d.id, d.status, d.releaseId])).toEqual([
        [d2, 'rolled-back', 'r2'],
        [d1, 'succeeded', 'r1'],
      ]);
      expect(deps[1]!.deployKey).toBe('k1');
      expect(await store.listDeployments({ project: 'shop', env: 'prod' })).toEqual([]);
      await store.recordRelease({ project: 'shop', env: 'dev', releaseId: 'r1', digest: 'sha256:aa', runId: run.id });
      await store.recordRelease({ project: 'shop', env: 'dev', releaseId: 'r1', digest: 'sha256:aa', runId: run.id });
      expect(await store.listReleases('shop', 'dev')).toHaveLength(1);
    });

    it('records one approval per approval step', async () => {
      const run = await newRun();
      expect(await store.getApproval(run.id, 'approve-prod')).toBeUndefined();
      await store.approve({ runId: run.id, stepId: 'approve-prod', env: 'prod', approvedBy: 'ana', comment: 'ship it' });
      await store.approve({ runId: run.id, stepId: 'approve-prod', env: 'prod', approvedBy: 'bob', comment: null });
      expect(await store.getApproval(run.id, 'approve-prod')).toMatchObject({ approvedBy: 'ana', env: 'prod', comment: 'ship it' });
    });

    it('lets one deploy hold an environment, and takes over a lock whose holder died', async () => {
      const other: Owner = { ...me, pid: me.pid + 1, startedAt: 'x' };
      const aliveOther = (o: Owner) => o.pid === other.pid || isOwnerAlive(o);
      expect(await store.acquireEnvLock('shop', 'dev', 1, other, aliveOther)).toEqual({ ok: true });
      const blocked = await store.acquireEnvLock('shop', 'dev', 2, me, aliveOther);
      expect(blocked.ok).toBe(false);
      if (!blocked.ok) expect(blocked.holder).toMatchObject({ runId: 1, owner: other });
      expect(await store.acquireEnvLock('shop', 'test', 2, me, aliveOther)).toEqual({ ok: true });
      // The holder dies: the next acquirer takes the lock over.
      expect(await store.acquireEnvLock('shop', 'dev', 2, me, isOwnerAlive)).toEqual({ ok: true });
      await store.releaseEnvLock('shop', 'dev', other);
      expect((await store.acquireEnvLock('shop', 'dev', 3, other, aliveOther)).ok).toBe(false);
      await store.releaseEnvLock('shop', 'dev', me);
      expect(await store.acquireEnvLock('shop', 'dev', 3, other, aliveOther)).toEqual({ ok: true });
    });

    it('grants a contended lock to exactly one of many concurrent callers', async () => {
      const owners = Array.from({ length: 6 }, (_, i): Owner => ({ ...me, pid: me.pid + 100 + i, startedAt: 'x' }));
      const results = await Promise.all(owners.map((o, i) => store.acquireEnvLock('shop', 'prod', i, o, () => true)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    });

    it('marks runs of a dead runner interrupted, frees their locks, and leaves live ones alone', async () => {
      const live = await newRun();
      await store.updateRun(live.id, { status: 'running' });
      const dead = await store.createRun({ project: 'shop', projectDir: '/p', trigger: 'cli', source: '/p' }, DEAD_OWNER);
      await store.updateRun(dead.id, { status: 'running' });
      await store.addSteps(dead.id, [
        { stepId: 'install', seq: 0, stage: 'b' },
        { stepId: 'test', seq: 1, stage: 'b' },
      ]);
      await store.updateStep(dead.id, 'install', { status: 'succeeded' });
      await store.updateStep(dead.id, 'test', { status: 'running', pid: 123 });
      await store.acquireEnvLock('shop', 'dev', dead.id, DEAD_OWNER, () => true);

      const recovered = await store.recoverInterrupted(isOwnerAlive);
      expect(recovered.map((r) => r.run.id)).toEqual([dead.id]);
      expect(recovered[0]!.steps.map((s) => [s.stepId, s.pid])).toEqual([['test', 123]]);
      expect((await store.getRun(dead.id))!.status).toBe('interrupted');
      expect((await store.getRun(dead.id))!.error).toMatch(/slipway pipeline resume/);
      expect((await store.listSteps(dead.id)).map((s) => s.status)).toEqual(['succeeded', 'interrupted']);
      expect((await store.getRun(live.id))!.status).toBe('running');
      expect(await store.acquireEnvLock('shop', 'dev', live.id, me, () => true)).toEqual({ ok: true });
      expect(await store.recoverInterrupted(isOwnerAlive)).toEqual([]);
    });

    it('claims a run only when no live runner owns it, and carries the cancel flag', async () => {
      const run = await store.createRun({ project: 'shop', projectDir: '/p', trigger: 'cli', source: '/p' }, me);
      await store.updateRun(run.id, { status: 'running' });
      const other: Owner = { ...me, pid: me.pid + 1, startedAt: 'x' };
      const refused = await store.claimRun(run.id, other, isOwnerAlive);
      expect(refused).toEqual({ ok: false, holder: me });
      await store.updateRun(run.id, { status: 'interrupted' });
      await store.requestCancel(run.id);
      expect((await store.getRun(run.id))!.cancelRequested).toBe(true);
      expect(await store.claimRun(run.id, other, isOwnerAlive)).toEqual({ ok: true });
      expect(await store.getRun(run.id)).toMatchObject({ status: 'running', owner: other, attempts: 2, cancelRequested: false });
      await store.heartbeat(run.id);
    });
  });
}
