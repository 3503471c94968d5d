/**
 * Pipelines: runs of build → test → gate → image → deploy → validate, with caching, masked
 * logs, environments, approvals and crash recovery. State lives in src/store.
 */
export { startRun, type StartOptions } from './runner/start-run.js';
export { approveRun, cancelRun, getRunOrFail, resumeRun, withStore } from './runner/control.js';
export type { RunnerOptions, RunOutcome } from './runner/options.js';
export type { RunReporter, StepEnd } from './runner/reporter.js';
export { recoverInterruptedRuns } from './runner/recover.js';
export { defaultPipeline } from './plan/default-pipeline.js';
export { planRun, type PlannedStep, type RunPlan } from './plan/run-plan.js';
export { slipwayPaths } from './paths.js';
