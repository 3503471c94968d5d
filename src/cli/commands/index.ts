import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Every CLI command: one file each, with a `register(program)` that adds it. Loaded lazily,
 * by name: a command pays only for its own modules at start-up (the CLI is run by pipelines
 * and hooks, where start-up time adds up).
 */
export const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  analyze: async () => (await import('./analyze.js')).registerAnalyze,
  generate: async () => (await import('./generate.js')).registerGenerate,
  build: async () => (await import('./build.js')).registerBuild,
  smoke: async () => (await import('./smoke.js')).registerSmoke,
  review: async () => (await import('./review.js')).registerReview,
  up: async () => (await import('./up.js')).registerUp,
  pipeline: async () => (await import('./pipeline.js')).registerPipeline,
  runs: async () => (await import('./runs.js')).registerRuns,
  logs: async () => (await import('./logs.js')).registerLogs,
  approve: async () => (await import('./approve.js')).registerApprove,
  cancel: async () => (await import('./cancel.js')).registerCancel,
  deploy: async () => (await import('./deploy.js')).registerDeploy,
  rollback: async () => (await import('./rollback.js')).registerRollback,
  down: async () => (await import('./down.js')).registerDown,
  status: async () => (await import('./status.js')).registerStatus,
  loadtest: async () => (await import('./loadtest.js')).registerLoadtest,
};
