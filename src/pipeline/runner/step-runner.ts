import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processStartTime } from '../../store/owner.js';
import { DONE_STEP_STATUSES, type StepStatus } from '../../store/types.js';
import { hashFiles, treeDigest } from '../cache/file-tree.js';
import { stepCacheKey } from '../cache/step-key.js';
import { parseDuration, formatMs } from '../exec/duration.js';
import { runCommand } from '../exec/run-command.js';
import { StepLog } from '../logs/step-log.js';
import { stepLogFile } from '../paths.js';
import { ancestors, type PlannedStep } from '../plan/run-plan.js';
import { actionFor } from '../steps/index.js';
import type { CachePolicy, StepContext, StepOutcome } from '../steps/types.js';
import type { CacheState } from './reporter.js';
import type { RunState } from './run-state.js';
import { stepEnv } from './step-env.js';

/** Runs one step: cache lookup, execution with retries and timeout, log, cache save, record. */
export async function runStep(state: RunState, step: PlannedStep): Promise<StepStatus> {
  const started = Date.now();
  const attempt = (state.attempts.get(step.id) ?? 0) + 1;
  state.attempts.set(step.id, attempt);
  state.statuses.set(step.id, 'running');
  const { store, run } = state;
  await store.updateStep(run.id, step.id, { status: 'running', attempt, startedAt: new Date().toISOString(), finishedAt: null, error: null, exitCode: null, cacheHit: false, pid: null, pidStartedAt: null });
  state.reporter.stepStarted(step, attempt);

  const file = stepLogFile(state.paths, run.id, step.id, attempt);
  const log = new StepLog(file, state.masker, (line) => state.reporter.stepLine(step, line));
  let outcome: StepOutcome;
  let cache: CacheState = 'off';
  let key: string | null = null;
  const writes: Promise<unknown>[] = [];
  try {
    log.open();
    await store.indexLog({ runId: run.id, stepId: step.id, attempt, path: file, bytes: 0, lines: 0 });
    ({ outcome, cache, key } = await execute(state, step, attempt, log, writes));
  } catch (err) {
    outcome = { status: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
  if (log.failed && outcome.status !== 'failed') outcome = { status: 'failed', error: log.failed.message };
  if (log.failed && outcome.error !== log.failed.message) outcome = { ...outcome, error: `${log.failed.message}${outcome.error ? ` (then: ${outcome.error})` : ''}` };
  if (outcome.status === 'failed' && outcome.error) log.line(`✗ ${outcome.error}`);
  log.close();
  await Promise.allSettled(writes);

  // A step stopped by `slipway cancel` (or Ctrl-C) was cancelled, not failed.
  const status: StepStatus = outcome.status === 'failed' && state.signal.aborted ? 'cancelled' : outcome.status;
  const durationMs = Date.now() - started;
  const error = outcome.error ? state.masker.mask(outcome.error) : null;
  const published = outcome.result ?? (outcome.note ? {} : null);
  const outputs = published ? JSON.stringify({ ...published, ...(outcome.note ? { note: state.masker.mask(outcome.note) } : {}) }) : null;
  await store.indexLog({ runId: run.id, stepId: step.id, attempt, path: file, bytes: log.bytes, lines: log.lines }).catch(() => undefined);
  await store.updateStep(run.id, step.id, {
    status, error, exitCode: outcome.exitCode ?? null, cacheKey: key, cacheHit: cache === 'hit' || status === 'cached',
    outputs, finishedAt: new Date().toISOString(), durationMs, pid: null, pidStartedAt: null,
  });
  state.statuses.set(step.id, status);
  if (outcome.result) state.results.set(step.id, outcome.result);
  state.cacheKeys.set(step.id, status === 'succeeded' || status === 'cached' ? key : null);
  state.reporter.stepFinished(step, { status, durationMs, cache, note: outcome.note ? state.masker.mask(outcome.note) : undefined, error: error ?? undefined, attempt });
  return status;
}

async function execute(state: RunState, step: PlannedStep, attempt: number, log: StepLog, writes: Promise<unknown>[]): Promise<{ outcome: StepOutcome; cache: CacheState; key: string | null }> {
  const action = actionFor(step);
  const component = state.spec.components.find((c) => c.name === step.def.component) ?? (state.spec.components.length === 1 && step.def.uses && ['install', 'build', 'test'].includes(step.def.uses) ? state.spec.components[0] : undefined);
  const cwd = component ? join(state.workspace, component.path) : state.workspace;
  const policy = step.def.cache ? action.cachePolicy(step, component) : null;
  const needsOk = step.needs.every((n) => (DONE_STEP_STATUSES as readonly string[]).includes(state.statuses.get(n) ?? ''));

  let key: string | null = null;
  if (policy && needsOk) {
    key = cacheKeyOf(state, step, policy, cwd);
    const hit = state.cache.lookup(key);
    if (hit) {
      state.cache.restore(hit, cwd);
      log.line(`cache hit ${key} (from run ${hit.runId}, ${hit.createdAt})${hit.outputs.length ? `: restored ${hit.outputs.join(', ')}` : ''}`);
      replayCachedLog(state.cache.logFile(key), log);
      return { outcome: { status: 'cached', result: hit.result, ...(typeof hit.result.note === 'string' ? { note: hit.result.note } : {}) }, cache: 'hit', key };
    }
  }
  if (step.cacheOnly) {
    const needed = ancestors(state.plan.steps, state.plan.fromStep ?? '').has(step.id);
    if (needed && policy) return { outcome: { status: 'failed', error: `--from-step ${state.plan.fromStep}: "${step.id}" has no cached result to start from; run without --from-step once` }, cache: 'miss', key };
    log.line(`before --from-step ${state.plan.fromStep}: not run`);
    return { outcome: { status: 'skipped', result: { reason: `before --from-step ${state.plan.fromStep}` } }, cache: 'off', key: null };
  }
  if (policy) log.line(needsOk ? `cache miss ${key}` : 'cache not used: an earlier step failed');

  const envResult = stepEnv(step, state.plan, state.spec, { runId: state.run.id, workspace: state.workspace, projectDir: state.projectDir, processEnv: state.processEnv, masker: state.masker });
  if (!envResult.ok) return { outcome: { status: 'failed', error: envResult.error }, cache: policy ? 'miss' : 'off', key };
  const timeoutMs = step.def.timeout ? parseDuration(step.def.timeout) : undefined;
  const retries = step.def.retries;
  let outcome: StepOutcome = { status: 'failed', error: 'not run' };
  for (let tryNo = 0; tryNo <= retries; tryNo++) {
    if (tryNo > 0) log.line(`retry ${tryNo}/${retries} after: ${outcome.error ?? 'failure'}`);
    outcome = await withTimeout(state, timeoutMs, (signal) =>
      action.execute(context(state, step, attempt, log, cwd, component, envResult.env, signal, timeoutMs, writes)),
    );
    if (outcome.status !== 'failed' || state.signal.aborted || log.failed) break;
  }
  if (outcome.status === 'succeeded' && policy && key && needsOk) {
    state.cache.save({ key, stepId: step.id, runId: state.run.id, result: { ...(outcome.result ?? {}), ...(outcome.note ? { note: outcome.note } : {}) } }, cwd, policy.outputs, log.file);
  }
  return { outcome, cache: policy ? 'miss' : 'off', key };
}

function context(
  state: RunState, step: PlannedStep, attempt: number, log: StepLog, cwd: string, component: StepContext['component'],
  env: NodeJS.ProcessEnv, signal: AbortSignal, timeoutMs: number | undefined, writes: Promise<unknown>[],
): StepContext {
  return {
    runId: state.run.id, project: state.run.project, projectDir: state.projectDir, workspace: state.workspace, spec: state.spec, plan: state.plan,
    step, attempt, cwd, component, componentIndex: component ? state.spec.components.indexOf(component) : -1,
    store: state.store, paths: state.paths, owner: state.owner, env, masker: state.masker, signal, timeoutMs,
    log: (line) => log.line(line),
    exec: (command, opts = {}) =>
      runCommand({
        // The run's signal, not the step's: the command's own timer reports a timeout as such.
        command, cwd: opts.cwd ?? cwd, env: { ...env, ...opts.env }, log, masker: state.masker, signal: state.signal, ...(timeoutMs ? { timeoutMs } : {}),
        onSpawn: (pgid) => writes.push(state.store.updateStep(state.run.id, step.id, { pid: pgid, pidStartedAt: processStartTime(pgid) ?? '' })),
      }),
    results: state.results, statuses: state.statuses, cacheKeys: state.cacheKeys, sourceDigest: state.sourceDigest,
    targetFor: state.targetFor,
  };
}

/** The step's own signal: the run's cancel, or its timeout (reported as such). */
async function withTimeout(state: RunState, timeoutMs: number | undefined, fn: (signal: AbortSignal) => Promise<StepOutcome>): Promise<StepOutcome> {
  const attempt = async (signal: AbortSignal): Promise<StepOutcome> => {
    try {
      return await fn(signal);
    } catch (err) {
      return { status: 'failed', error: err instanceof Error ? err.message : String(err) };
    }
  };
  if (!timeoutMs) return attempt(state.signal);
  const timeout = AbortSignal.timeout(timeoutMs);
  const outcome = await attempt(AbortSignal.any([state.signal, timeout]));
  if (outcome.status === 'failed' && timeout.aborted && !state.signal.aborted && !/timed out/.test(outcome.error ?? '')) {
    return { ...outcome, error: `timed out after ${formatMs(timeoutMs)} (${outcome.error ?? 'stopped'})` };
  }
  return outcome;
}

function cacheKeyOf(state: RunState, step: PlannedStep, policy: CachePolicy, cwd: string): string {
  const inputs = hashFiles(cwd, policy.inputs, policy.exclude ?? []);
  const upstream: Record<string, string> = {};
  for (const n of step.needs) upstream[n] = state.cacheKeys.get(n) ?? outputsDigest(state, n);
  return stepCacheKey({
    uses: step.def.uses ?? 'run', run: step.def.run, component: step.def.component, cwd: cwd.slice(state.workspace.length) || '.',
    env: step.def.env, secrets: step.def.secrets, inputGlobs: policy.inputs, inputsDigest: treeDigest(inputs), outputs: policy.outputs,
    upstream, extra: policy.extra,
  });
}

/** An upstream step without a key (it always runs) contributes its declared outputs' content. */
function outputsDigest(state: RunState, id: string): string {
  const s = state.plan.steps.find((x) => x.id === id);
  if (!s?.def.outputs?.length) return state.statuses.get(id) === 'skipped' ? 'skipped' : 'ran';
  return treeDigest(hashFiles(state.workspace, s.def.outputs.flatMap((o) => [o, `${o}/**`])));
}

function replayCachedLog(file: string, log: StepLog): void {
  if (!existsSync(file)) return;
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) log.line(`│ ${line}`);
}
