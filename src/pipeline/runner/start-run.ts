import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { EXIT, UserError } from '../../errors.js';
import { loadSpec } from '../../spec/io.js';
import { formatProblem } from '../../spec/errors.js';
import { openStore } from '../../store/open.js';
import { currentOwner } from '../../store/owner.js';
import type { NewRun } from '../../store/types.js';
import { hashFiles, treeDigest } from '../cache/file-tree.js';
import { ensureSlipwayDir, runWorkspace } from '../paths.js';
import { planDeploys, PlanError, planRun } from '../plan/run-plan.js';
import { describeSource, exportSource, resolveSource } from '../workspace/export-source.js';
import type { RunnerOptions, RunOutcome } from './options.js';
import { recoverInterruptedRuns } from './recover.js';
import { runClaimed } from './run-claimed.js';
import { loadRunSpec } from './run-spec.js';

export interface StartOptions extends RunnerOptions {
  /** Project directory: where .slipway/ (state, logs, cache) lives, and the default source. */
  dir: string;
  /** Last environment to reach (promotion order); default all. */
  env?: string | undefined;
  fromStep?: string | undefined;
  /** Git URL or path to build instead of the project directory. */
  source?: string | undefined;
  branch?: string | undefined;
  /** Build the working tree as it is (slipway up), not a commit. */
  worktree?: boolean;
  trigger?: NewRun['trigger'];
}

/**
 * A new pipeline run: export the source into a fresh workspace, read its App Spec, plan, record
 * the run, execute. Bad input (spec errors with lines, unknown env/step, unreachable source)
 * is a UserError before anything runs.
 */
export async function startRun(opts: StartOptions): Promise<RunOutcome> {
  const projectDir = resolve(opts.dir);
  if (!opts.source) {
    const local = loadSpec(projectDir);
    if (local && !local.ok) {
      throw new UserError(`slipway.yaml is not valid:\n${local.problems.map((p) => `  ${formatProblem({ ...p, file: relativeToCwd(p.file) })}`).join('\n')}`, EXIT.usage, 'fix the lines above; schema/slipway.schema.json lists every key');
    }
  }
  const paths = ensureSlipwayDir(projectDir);
  const source = await resolveSource(projectDir, { source: opts.source, branch: opts.branch, worktree: opts.worktree ?? false }).catch((err: Error) => {
    throw new UserError(err.message, EXIT.usage);
  });
  const scratch = join(paths.runs, `.export-${randomBytes(6).toString('hex')}`);
  const scratchWorkspace = join(scratch, 'workspace');
  const store = opts.store ?? (await openStore(projectDir));
  try {
    for (const r of await recoverInterruptedRuns(store)) {
      opts.reporter?.note(`note: run ${r.id} was interrupted (its runner stopped); \`slipway pipeline resume ${r.id}\` continues it`);
    }
    mkdirSync(scratch, { recursive: true });
    const exported = await exportSource(source, scratchWorkspace).catch((err: Error) => {
      throw new UserError(`cannot export ${describeSource(source)}: ${err.message}`, EXIT.usage);
    });
    const { spec, lineOf } = await loadRunSpec(scratchWorkspace);
    let plan;
    try {
      plan = planRun(spec, { env: opts.env, branch: exported.branch, fromStep: opts.fromStep });
    } catch (err) {
      if (err instanceof PlanError) throw new UserError(err.message, EXIT.usage, err.hint);
      throw err;
    }
    for (const s of plan.steps) {
      const line = lineOf(s.origin);
      if (line) s.line = line;
    }
    // Only a deploy's release bundle uses it: a run that deploys nothing skips reading every file.
    const sourceDigest = planDeploys(plan) ? treeDigest(hashFiles(scratchWorkspace, ['**'])) : '';
    const owner = currentOwner();
    const run = await store.createRun(
      { project: spec.name, projectDir, trigger: opts.trigger ?? 'cli', source: exported.description, branch: exported.branch, targetEnv: plan.envs.at(-1) ?? null },
      owner,
    );
    const workspace = runWorkspace(paths, run.id);
    rmSync(dirname(workspace), { recursive: true, force: true });
    renameSync(scratch, dirname(workspace));
    const startedAt = new Date().toISOString();
    const stored = { ...plan, runSource: source, sourceDigest };
    await store.updateRun(run.id, { status: 'running', commit: exported.commit ? `${exported.commit}${exported.dirty ? '+changes' : ''}` : null, plan: JSON.stringify(stored), workspace, startedAt });
    await store.addSteps(run.id, plan.steps.map((s) => ({ stepId: s.id, seq: s.seq, stage: s.stage })));
    const fresh = (await store.getRun(run.id))!;
    return await runClaimed(store, fresh, stored, spec, owner, opts);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (!opts.store) await store.close();
  }
}

function relativeToCwd(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}
