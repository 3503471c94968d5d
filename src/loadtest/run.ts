import { EXIT, UserError } from '../errors.js';
import type { StepOutcome } from './analysis/step.js';
import type { LoadShape } from './generator/messages.js';
import { GeneratorPool, type PhaseRun, type SecondStats } from './generator/pool.js';
import { fixedPhases, type PlannedPhase } from './profiles/plan.js';
import { runStressSteps } from './profiles/stress-steps.js';
import { plannedRequests, type LoadTestSettings } from './settings.js';

export interface PhaseResult extends PlannedPhase {
  run: PhaseRun;
  /** Stress only: the step's verdict. */
  step?: StepOutcome;
}

export type StopReason = 'interrupted' | 'request cap' | 'step limit';

export interface RunData {
  startedAt: Date;
  finishedAt: Date;
  phases: PhaseResult[];
  stopReason?: StopReason;
}

export interface ProgressEvent {
  phase: PlannedPhase;
  phaseIndex: number;
  /** Known for fixed profiles; stress runs until the knee is found. */
  totalPhases: number | null;
  second: SecondStats;
}

export interface RunHooks {
  onPhaseStart?: (phase: PlannedPhase, index: number) => void;
  onSecond?: (e: ProgressEvent) => void;
  onPhaseEnd?: (result: PhaseResult, index: number) => void;
  signal?: AbortSignal;
}

/** Runs a profile against the target: fixed phases, or stress steps until the knee is located. */
export async function runLoadTest(s: LoadTestSettings, hooks: RunHooks = {}): Promise<RunData> {
  const fixed = s.profile === 'stress' ? null : fixedPhases(s);
  if (fixed) {
    for (const p of fixed) {
      if (p.shape.model !== 'open') continue;
      const warmup = s.warmupMs > 0 ? [{ rate: p.shape.stages[0]?.rate ?? 0, durationMs: s.warmupMs }] : [];
      const planned = plannedRequests(s, [...warmup, ...p.shape.stages]);
      if (planned > s.maxRequests) {
        throw new UserError(
          `this run would send about ${planned} requests, above the cap of ${s.maxRequests}`,
          EXIT.usage,
          'lower --rate or --duration, or raise --max-requests (hard ceiling 20,000,000)',
        );
      }
    }
  }
  const perWorker = Math.ceil(s.connections / s.workers);
  const pool = await GeneratorPool.start({
    origin: s.url.origin,
    scenario: s.scenario,
    workers: s.workers,
    connectionsPerWorker: perWorker,
    timeoutMs: s.timeoutMs,
  });
  const data: RunData = { startedAt: new Date(), finishedAt: new Date(), phases: [] };
  const onAbort = (): void => {
    data.stopReason = 'interrupted';
    pool.stop();
  };
  hooks.signal?.addEventListener('abort', onAbort, { once: true });
  let sent = 0;
  const runPhase = async (phase: PlannedPhase, index: number, total: number | null): Promise<PhaseResult> => {
    hooks.onPhaseStart?.(phase, index);
    const run = await pool.runPhase(phase.shape, s.maxRequests - sent, (second) =>
      hooks.onSecond?.({ phase, phaseIndex: index, totalPhases: total, second }),
    );
    sent += run.sent;
    if (run.capped && !data.stopReason) data.stopReason = 'request cap';
    return { ...phase, run };
  };
  try {
    if (s.warmupMs > 0) {
      const first = fixed?.[0]?.shape;
      const shape: LoadShape =
        first?.model === 'closed' ? { ...first, durationMs: s.warmupMs } : { model: 'open', stages: [{ rate: first?.stages[0]?.rate ?? s.rate, durationMs: s.warmupMs }] };
      sent += (await pool.runPhase(shape, s.maxRequests)).sent;
    }
    if (fixed) {
      for (const [i, phase] of fixed.entries()) {
        if (data.stopReason) break;
        const result = await runPhase(phase, i, fixed.length);
        data.phases.push(result);
        hooks.onPhaseEnd?.(result, i);
      }
    } else {
      // The abort handler sets stopReason while a step runs.
      const interrupted = (): boolean => data.stopReason === 'interrupted';
      const step = async (phase: PlannedPhase, index: number): Promise<PhaseResult | null> => {
        if (interrupted()) return null;
        const result = await runPhase(phase, index, null);
        return interrupted() ? null : result;
      };
      await runStressSteps(s, data, step, () => sent, hooks);
    }
  } finally {
    hooks.signal?.removeEventListener('abort', onAbort);
    data.finishedAt = new Date();
    await pool.close();
  }
  return data;
}
