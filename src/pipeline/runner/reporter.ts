import type { RunRecord, StepStatus } from '../../store/types.js';
import type { PlannedStep, RunPlan } from '../plan/run-plan.js';

export type CacheState = 'hit' | 'miss' | 'off';

export interface StepEnd {
  status: StepStatus;
  durationMs: number;
  cache: CacheState;
  note?: string | undefined;
  error?: string | undefined;
  attempt: number;
}

/** Live progress of a run: listr2 on a terminal, plain lines otherwise (src/pipeline/progress). */
export interface RunReporter {
  runStarted(run: RunRecord, plan: RunPlan, source: string): void;
  stepStarted(step: PlannedStep, attempt: number): void;
  /** A masked line of the step's output. */
  stepLine(step: PlannedStep, line: string): void;
  stepFinished(step: PlannedStep, end: StepEnd): void;
  /** A runner message (not a step's output). */
  note(text: string): void;
  runFinished(run: RunRecord): Promise<void>;
}

/** Reports nothing (library callers that read the store instead). */
export const silentReporter: RunReporter = {
  runStarted: () => undefined,
  stepStarted: () => undefined,
  stepLine: () => undefined,
  stepFinished: () => undefined,
  note: () => undefined,
  runFinished: async () => undefined,
};
