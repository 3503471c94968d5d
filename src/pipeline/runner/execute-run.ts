import { DONE_STEP_STATUSES, type RunStatus, type StepRecord } from '../../store/types.js';
import type { PlannedStep } from '../plan/run-plan.js';
import { actionFor } from '../steps/index.js';
import type { RunState } from './run-state.js';
import { runStep } from './step-runner.js';

const HEARTBEAT_MS = 5_000;
const CANCEL_POLL_MS = 300;
const DONE = new Set<string>(DONE_STEP_STATUSES);
/** States after which a step never changes again in this execution. */
const TERMINAL = new Set(['succeeded', 'cached', 'skipped', 'failed', 'cancelled', 'interrupted', 'waiting', 'blocked']);

/**
 * Executes the plan of a claimed run: steps whose needs are done start (up to `concurrency`
 * at once); a failed need blocks its dependents, except the quality gate, which runs to report
 * it; an approval without a decision leaves its dependents waiting. Returns the run's final
 * status, already recorded.
 */
export async function executeRun(state: RunState, cancel: AbortController, existing: StepRecord[]): Promise<RunStatus> {
  const { store, run, plan } = state;
  for (const rec of existing) {
    if (DONE.has(rec.status)) {
      state.statuses.set(rec.stepId, rec.status);
      state.cacheKeys.set(rec.stepId, rec.cacheKey);
      if (rec.outputs) state.results.set(rec.stepId, JSON.parse(rec.outputs) as Record<string, unknown>);
    }
    state.attempts.set(rec.stepId, rec.attempt);
  }
  for (const s of plan.steps) {
    if (state.statuses.has(s.id)) continue;
    if (s.skip) {
      state.statuses.set(s.id, 'skipped');
      await store.updateStep(run.id, s.id, { status: 'skipped', outputs: JSON.stringify({ reason: s.skip }), error: null });
      state.reporter.stepFinished(s, { status: 'skipped', durationMs: 0, cache: 'off', note: s.skip, attempt: 0 });
    } else {
      state.statuses.set(s.id, 'pending');
      await store.updateStep(run.id, s.id, { status: 'pending', error: null, exitCode: null });
    }
  }

  const heartbeat = setInterval(() => void store.heartbeat(run.id).catch(() => undefined), HEARTBEAT_MS);
  const poll = setInterval(() => {
    void store.getRun(run.id).then((r) => r?.cancelRequested && cancel.abort(), () => undefined);
  }, CANCEL_POLL_MS);
  heartbeat.unref();
  poll.unref();
  try {
    await schedule(state);
  } finally {
    clearInterval(heartbeat);
    clearInterval(poll);
  }

  const values = [...state.statuses.values()];
  let status: RunStatus;
  if (cancel.signal.aborted) status = 'cancelled';
  else if (values.includes('failed')) status = 'failed';
  else if (values.includes('waiting')) status = 'waiting-approval';
  else status = values.every((v) => DONE.has(v)) ? 'succeeded' : 'failed';

  if (status === 'cancelled') {
    for (const s of plan.steps) {
      const st = state.statuses.get(s.id);
      if (st === 'pending' || st === 'blocked' || st === 'waiting') await store.updateStep(run.id, s.id, { status: 'cancelled' });
    }
  }
  const failed = plan.steps.filter((s) => state.statuses.get(s.id) === 'failed').map((s) => s.id);
  const error = status === 'failed' ? `step ${failed.join(', ') || '?'} failed` : status === 'cancelled' ? 'cancelled' : null;
  await store.updateRun(run.id, { status, error, finishedAt: status === 'waiting-approval' ? null : new Date().toISOString() });
  return status;
}

async function schedule(state: RunState): Promise<void> {
  const running = new Map<string, Promise<void>>();
  const aborted = abortPromise(state.signal); // one listener for the whole run
  for (;;) {
    if (state.signal.aborted) {
      await Promise.allSettled(running.values());
      return;
    }
    const ready: PlannedStep[] = [];
    for (const s of state.plan.steps) {
      if (state.statuses.get(s.id) !== 'pending' || running.has(s.id)) continue;
      const needs = s.needs.map((n) => state.statuses.get(n) ?? 'pending');
      const afterFailure = actionFor(s).runsAfterFailure === true;
      if (needs.every((n) => DONE.has(n))) ready.push(s);
      else if (afterFailure && needs.every((n) => TERMINAL.has(n)) && !needs.includes('waiting')) ready.push(s);
      else if (!afterFailure && needs.some((n) => TERMINAL.has(n) && !DONE.has(n))) state.statuses.set(s.id, 'blocked');
    }
    for (const s of ready) {
      if (running.size >= state.plan.concurrency) break;
      running.set(s.id, runStep(state, s).then(() => undefined).finally(() => running.delete(s.id)));
    }
    if (running.size === 0) return;
    await Promise.race([...running.values(), aborted]);
  }
}

function abortPromise(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
