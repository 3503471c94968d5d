import type { DeployTarget } from '../../deploy/target.js';
import type { AppSpec } from '../../spec/app-spec.js';
import type { RunRecord, RunStatus, StepRecord, Store } from '../../store/types.js';
import type { RunReporter } from './reporter.js';

export interface RunnerOptions {
  reporter?: RunReporter;
  /** Environment of step commands and source of secrets (default process.env). */
  processEnv?: NodeJS.ProcessEnv;
  /** Deploy target per environment (default: src/deploy/targets targetFor). */
  targetFor?: (spec: AppSpec, env: string) => DeployTarget;
  /** An open store to use (default: the project's, from SLIPWAY_DATABASE_URL or SQLite). */
  store?: Store;
  /** Aborting it cancels the run (the CLI wires SIGINT/SIGTERM to it). */
  signal?: AbortSignal;
}

export interface RunOutcome {
  run: RunRecord;
  status: RunStatus;
  steps: StepRecord[];
  /** URL of the last environment deployed, if any. */
  url: string | null;
}
