import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { EXIT, UserError } from '../../errors.js';
import { openStore } from '../../store/open.js';
import { currentOwner, isOwnerAlive } from '../../store/owner.js';
import type { RunRecord, Store } from '../../store/types.js';
import type { RunPlan } from '../plan/run-plan.js';
import type { RunnerOptions, RunOutcome } from './options.js';
import { recoverInterruptedRuns } from './recover.js';
import { runClaimed } from './run-claimed.js';
import { loadRunSpec } from './run-spec.js';

/** Opens the project's store, recovers crashed runs, and closes it afterwards. */
export async function withStore<T>(dir: string, given: Store | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = given ?? (await openStore(resolve(dir)));
  try {
    await recoverInterruptedRuns(store);
    return await fn(store);
  } finally {
    if (!given) await store.close();
  }
}

export async function getRunOrFail(store: Store, id: number): Promise<RunRecord> {
  const run = Number.isInteger(id) && id > 0 ? await store.getRun(id) : undefined;
  if (!run) throw new UserError(`no run ${id}`, EXIT.usage, 'slipway runs lists them');
  return run;
}

/**
 * Continues a run that stopped — interrupted by a crash, failed, cancelled, or waiting for an
 * approval — from its first step that did not finish; finished steps keep their results.
 */
export async function resumeRun(dir: string, id: number, opts: RunnerOptions = {}): Promise<RunOutcome> {
  return withStore(dir, opts.store, (store) => resumeIn(store, id, opts));
}

/** resumeRun on a store that is open and recovered already. */
async function resumeIn(store: Store, id: number, opts: RunnerOptions): Promise<RunOutcome> {
  const run = await getRunOrFail(store, id);
  if (run.status === 'succeeded') throw new UserError(`run ${id} already succeeded`, EXIT.usage, 'start a new one with slipway pipeline run');
  if (!run.plan || !run.workspace || !existsSync(run.workspace)) {
    throw new UserError(`run ${id} cannot be resumed: its workspace is gone`, EXIT.failure, 'start a new run with slipway pipeline run');
  }
  const owner = currentOwner();
  const claimed = await store.claimRun(id, owner, isOwnerAlive);
  if (!claimed.ok) throw new UserError(`run ${id} is running (pid ${claimed.holder.pid} on ${claimed.holder.host})`, EXIT.usage, `wait for it, or slipway cancel ${id}`);
  const plan = JSON.parse(run.plan) as RunPlan & { sourceDigest?: string };
  const { spec } = await loadRunSpec(run.workspace);
  return runClaimed(store, (await store.getRun(id))!, plan, spec, owner, opts);
}

/** Records the approval of a run's waiting approval step(s) and continues the run. */
export async function approveRun(dir: string, id: number, opts: RunnerOptions & { by?: string; comment?: string; continueRun?: boolean } = {}): Promise<{ approved: string[]; outcome: RunOutcome | null }> {
  return withStore(dir, opts.store, async (store) => {
    const run = await getRunOrFail(store, id);
    const waiting = (await store.listSteps(id)).filter((s) => s.status === 'waiting');
    if (run.status !== 'waiting-approval' || waiting.length === 0) {
      throw new UserError(`run ${id} is not waiting for an approval (it is ${run.status})`, EXIT.usage);
    }
    const plan = JSON.parse(run.plan ?? '{"steps":[]}') as RunPlan;
    const by = opts.by ?? safeUser();
    for (const s of waiting) {
      const env = plan.steps.find((p) => p.id === s.stepId)?.def.environment ?? '';
      await store.approve({ runId: id, stepId: s.stepId, env, approvedBy: by, comment: opts.comment ?? null });
    }
    const approved = waiting.map((s) => s.stepId);
    if (opts.continueRun === false) return { approved, outcome: null };
    return { approved, outcome: await resumeIn(store, id, opts) };
  });
}

/**
 * Stops a run: a live runner is asked through the store (it kills the step's processes and
 * records "cancelled"); a run nobody executes (waiting, interrupted, failed) is marked directly.
 */
export async function cancelRun(dir: string, id: number, opts: { store?: Store; waitMs?: number } = {}): Promise<RunRecord> {
  return withStore(dir, opts.store, async (store) => {
    const run = await getRunOrFail(store, id);
    if (run.status === 'succeeded' || run.status === 'cancelled') throw new UserError(`run ${id} already ${run.status}`, EXIT.usage);
    const live = (run.status === 'running' || run.status === 'queued') && run.owner && isOwnerAlive(run.owner, run.heartbeatAt);
    if (!live) {
      for (const s of await store.listSteps(id)) {
        if (['pending', 'waiting', 'interrupted', 'running'].includes(s.status)) await store.updateStep(id, s.stepId, { status: 'cancelled' });
      }
      await store.updateRun(id, { status: 'cancelled', error: 'cancelled', finishedAt: new Date().toISOString() });
      return (await store.getRun(id))!;
    }
    await store.requestCancel(id);
    const deadline = Date.now() + (opts.waitMs ?? 20_000);
    while (Date.now() < deadline) {
      const now = (await store.getRun(id))!;
      if (now.status !== 'running' && now.status !== 'queued') return now;
      await new Promise((r) => setTimeout(r, 200));
    }
    return (await store.getRun(id))!;
  });
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
