import type { DeployTarget } from '../../deploy/target.js';
import type { AppSpec } from '../../spec/app-spec.js';
import type { Owner, RunRecord, Store } from '../../store/types.js';
import type { StepCache } from '../cache/step-cache.js';
import type { SecretMasker } from '../../masking/secret-masker.js';
import type { SlipwayPaths } from '../paths.js';
import type { RunPlan } from '../plan/run-plan.js';
import type { StepResultData } from '../steps/types.js';
import type { RunReporter } from './reporter.js';

/** Everything the steps of one run share while it executes. */
export interface RunState {
  run: RunRecord;
  plan: RunPlan;
  spec: AppSpec;
  store: Store;
  owner: Owner;
  paths: SlipwayPaths;
  projectDir: string;
  workspace: string;
  sourceDigest: string;
  masker: SecretMasker;
  reporter: RunReporter;
  cache: StepCache;
  processEnv: NodeJS.ProcessEnv;
  /** Aborted by `slipway cancel`, SIGINT or SIGTERM. */
  signal: AbortSignal;
  targetFor: (spec: AppSpec, env: string) => DeployTarget;
  statuses: Map<string, string>;
  results: Map<string, StepResultData>;
  cacheKeys: Map<string, string | null>;
  attempts: Map<string, number>;
}
