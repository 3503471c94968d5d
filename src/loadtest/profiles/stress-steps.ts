import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_STEPPING, nextStressRate } from '../analysis/knee.js';
import { judgeStep, type StepOutcome } from '../analysis/step.js';
import type { PhaseResult, RunData, RunHooks } from '../run.js';
import { plannedRequests, type LoadTestSettings } from '../settings.js';
import { stressStep, type PlannedPhase } from './plan.js';

type RunPhase = (phase: PlannedPhase, index: number) => Promise<PhaseResult | null>;

/**
 * The stress climb: steps chosen by nextStressRate until the knee is located, bounded by the
 * step limit and the request cap. A step that breaks the SLO on latency or errors while the
 * target still kept up with the rate is run once more before it counts: one slow second on a
 * busy machine must not pass for the knee. A throughput failure is never repeated.
 */
export async function runStressSteps(s: LoadTestSettings, data: RunData, runPhase: RunPhase, sentSoFar: () => number, hooks: RunHooks): Promise<void> {
  const counted: StepOutcome[] = [];
  const stepping = { ...DEFAULT_STEPPING, startRate: s.rate, maxRate: s.stress.maxRate };
  let index = 0;
  const attempt = async (rate: number): Promise<PhaseResult | null> => {
    if (index >= s.stress.maxSteps) {
      data.stopReason = 'step limit';
      return null;
    }
    if (sentSoFar() + plannedRequests(s, [{ rate, durationMs: s.durationMs }]) > s.maxRequests) {
      data.stopReason = 'request cap';
      return null;
    }
    const result = await runPhase(stressStep(rate, s), index);
    if (!result) return null;
    result.step = judgeStep(rate, s.durationMs, result.run, s.slo);
    data.phases.push(result);
    hooks.onPhaseEnd?.(result, index++);
    if (!result.step.passed && s.stress.cooldownMs > 0) await sleep(s.stress.cooldownMs);
    return result;
  };
  for (let rate = nextStressRate(counted, stepping); rate !== null; rate = nextStressRate(counted, stepping)) {
    let result = await attempt(rate);
    if (result?.step && !result.step.passed && result.step.throughputHeld) {
      result.step.discarded = true;
      result = await attempt(rate);
    }
    if (!result?.step) return;
    counted.push(result.step);
  }
}
