import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppSpec } from '../../spec/app-spec.js';
import type { Owner, RunRecord, Store } from '../../store/types.js';
import { StepCache } from '../cache/step-cache.js';
import { SecretMasker } from '../../masking/secret-masker.js';
import { slipwayPaths } from '../paths.js';
import { planDeploys, type RunPlan } from '../plan/run-plan.js';
import type { RunnerOptions, RunOutcome } from './options.js';
import { silentReporter } from './reporter.js';
import { executeRun } from './execute-run.js';
import { registerRunSecrets } from './step-env.js';

/** Workspaces of unfinished runs kept for `slipway pipeline resume` (oldest go first). */
const KEEP_UNFINISHED_WORKSPACES = 5;

/** Executes a run this process owns (new, resumed or approved), then tidies its workspace. */
export async function runClaimed(store: Store, run: RunRecord, plan: RunPlan & { sourceDigest?: string }, spec: AppSpec, owner: Owner, opts: RunnerOptions): Promise<RunOutcome> {
  const projectDir = run.projectDir;
  const paths = slipwayPaths(projectDir);
  const processEnv = opts.processEnv ?? process.env;
  const masker = new SecretMasker();
  registerRunSecrets(masker, spec, plan, projectDir, processEnv);
  const reporter = opts.reporter ?? silentReporter;
  const cancel = new AbortController();
  const onAbort = () => cancel.abort();
  if (opts.signal?.aborted) cancel.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  // Deploy targets (and the Kubernetes client behind one) load only for runs that deploy.
  const targetFor = opts.targetFor ?? (planDeploys(plan) ? (await import('../../deploy/targets/index.js')).targetFor : noTarget);
  reporter.runStarted(run, plan, run.source);
  const status = await executeRun(
    {
      run, plan, spec, store, owner, paths, projectDir, workspace: run.workspace!, sourceDigest: plan.sourceDigest ?? '',
      masker, reporter, cache: new StepCache(paths.cache), processEnv, signal: cancel.signal,
      targetFor,
      statuses: new Map(), results: new Map(), cacheKeys: new Map(), attempts: new Map(),
    },
    cancel,
    await store.listSteps(run.id),
  ).finally(() => opts.signal?.removeEventListener('abort', onAbort));

  const finished = (await store.getRun(run.id))!;
  const steps = await store.listSteps(run.id);
  await reporter.runFinished(finished);
  if (status === 'succeeded') rmSync(join(paths.runs, String(run.id)), { recursive: true, force: true });
  pruneWorkspaces(paths.runs);
  return { run: finished, status, steps, url: lastUrl(plan, steps) };
}

function noTarget(): never {
  throw new Error('this run has no deploy step');
}

function lastUrl(plan: RunPlan, steps: { stepId: string; outputs: string | null; status: string }[]): string | null {
  let url: string | null = null;
  for (const s of plan.steps) {
    if (s.def.uses !== 'deploy') continue;
    const rec = steps.find((x) => x.stepId === s.id);
    if (!rec?.outputs || (rec.status !== 'succeeded' && rec.status !== 'cached')) continue;
    const out = JSON.parse(rec.outputs) as { url?: string | null };
    if (out.url) url = out.url;
  }
  return url;
}

function pruneWorkspaces(runsDir: string): void {
  if (!existsSync(runsDir)) return;
  const dirs = readdirSync(runsDir)
    .filter((n) => /^\d+$/.test(n))
    .map((n) => ({ path: join(runsDir, n), mtime: statSync(join(runsDir, n)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const d of dirs.slice(KEEP_UNFINISHED_WORKSPACES)) rmSync(d.path, { recursive: true, force: true });
  for (const n of readdirSync(runsDir)) {
    const p = join(runsDir, n);
    if (n.startsWith('.export-') && Date.now() - statSync(p).mtimeMs > 3_600_000) rmSync(p, { recursive: true, force: true });
  }
}
