import pc from 'picocolors';
import { EXIT } from '../../errors.js';
import type { RunOutcome } from '../../pipeline/index.js';
import type { RunPlan } from '../../pipeline/plan/run-plan.js';

/**
 * Ctrl-C (or SIGTERM) once: cancel the run cleanly (its steps' processes are stopped and the
 * run is recorded as cancelled). Twice: leave now; the next command marks the run interrupted.
 */
function cancelOnSignals(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\n${pc.yellow('cancelling')} the run… (again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/** Runs `fn` with a signal that Ctrl-C or SIGTERM aborts (as above); the handlers are removed afterwards. */
export async function withCancelOnSignals<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const cancel = cancelOnSignals();
  try {
    return await fn(cancel.signal);
  } finally {
    cancel.dispose();
  }
}

/** Exit code of a finished run: 4 when the quality gate failed, 1 for other failures. */
export function runExitCode(outcome: RunOutcome): number {
  if (outcome.status === 'succeeded' || outcome.status === 'waiting-approval') return EXIT.ok;
  const plan = JSON.parse(outcome.run.plan ?? '{"steps":[]}') as RunPlan;
  const gateFailed = outcome.steps.some((s) => s.status === 'failed' && plan.steps.find((p) => p.id === s.stepId)?.def.uses === 'review-gate');
  return gateFailed ? EXIT.gateFailed : EXIT.failure;
}

/** What to do next, after the run's summary line. */
export function printNextSteps(outcome: RunOutcome, out: NodeJS.WritableStream): void {
  const id = outcome.run.id;
  if (outcome.status === 'waiting-approval') {
    const waiting = outcome.steps.filter((s) => s.status === 'waiting').map((s) => s.stepId);
    out.write(`${pc.yellow('waiting')} for approval (${waiting.join(', ')}): ${pc.bold(`slipway approve ${id}`)}\n`);
  } else if (outcome.status === 'failed' || outcome.status === 'interrupted' || outcome.status === 'cancelled') {
    const failed = outcome.steps.find((s) => s.status === 'failed');
    if (failed?.error) out.write(`${pc.red('error')} ${failed.stepId}: ${failed.error}\n`);
    out.write(`${pc.dim('logs')}  slipway logs ${id}${failed ? ` ${failed.stepId}` : ''} · ${pc.dim('resume')}  slipway pipeline resume ${id}\n`);
  }
  if (outcome.url && outcome.status === 'succeeded') out.write(`${pc.green('live')}  ${outcome.url}\n`);
}
