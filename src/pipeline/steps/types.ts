import type { DeployTarget } from '../../deploy/target.js';
import type { AppSpec } from '../../spec/app-spec.js';
import type { Component } from '../../spec/component.js';
import type { Owner, Store } from '../../store/types.js';
import type { CommandResult } from '../exec/run-command.js';
import type { SecretMasker } from '../../masking/secret-masker.js';
import type { SlipwayPaths } from '../paths.js';
import type { PlannedStep, RunPlan } from '../plan/run-plan.js';

/** What a finished step published for the steps after it (JSON, stored with the step). */
export type StepResultData = Record<string, unknown>;

export interface StepContext {
  runId: number;
  project: string;
  projectDir: string;
  workspace: string;
  spec: AppSpec;
  plan: RunPlan;
  step: PlannedStep;
  attempt: number;
  /** The component's directory inside the workspace, or the workspace itself. */
  cwd: string;
  component: Component | undefined;
  /** Index of the component in spec.components (for slipway.yaml key paths). */
  componentIndex: number;
  store: Store;
  paths: SlipwayPaths;
  owner: Owner;
  /** Environment of commands: the runner's, the step's `env:`, requested secrets, SLIPWAY_* run facts. */
  env: NodeJS.ProcessEnv;
  masker: SecretMasker;
  signal: AbortSignal;
  /** Timeout of the step (ms), if any: long waits (locks, approvals, health) respect it. */
  timeoutMs: number | undefined;
  /** A line in the step log (masked). */
  log(line: string): void;
  /** Runs a shell command through the step log, in the step's process group. */
  exec(command: string, opts?: { cwd?: string; env?: Record<string, string> }): Promise<CommandResult>;
  /** Results of the run's finished steps, by id. */
  results: ReadonlyMap<string, StepResultData>;
  /** Statuses of the run's steps right now, by id. */
  statuses: ReadonlyMap<string, string>;
  /** Cache keys of the run's finished steps (null: ran without a key), by id. */
  cacheKeys: ReadonlyMap<string, string | null>;
  /** Digest of the exported source (all files but dependencies), for artifact derivation. */
  sourceDigest: string;
  targetFor(spec: AppSpec, env: string): DeployTarget;
}

export interface StepOutcome {
  /** cached: nothing to do, the result already exists (e.g. the environment already serves the artifact). */
  status: 'succeeded' | 'failed' | 'waiting' | 'cached' | 'skipped';
  error?: string;
  exitCode?: number | null;
  result?: StepResultData;
  /** A short note shown on the step's line. */
  note?: string;
}

/** What keys a step's cache entry and what it saves; null means "always run". */
export interface CachePolicy {
  inputs: string[];
  outputs: string[];
  exclude?: string[];
  extra?: unknown;
}

export interface StepAction {
  /** Asked only for steps with `cache: true`; `component` as StepContext has it. */
  cachePolicy(step: PlannedStep, component: Component | undefined): CachePolicy | null;
  /** Runs once its needs have finished even if some failed (the quality gate reports them). */
  runsAfterFailure?: boolean;
  execute(ctx: StepContext): Promise<StepOutcome>;
}
