import type { SpikeShape } from '../analysis/spike.js';
import type { LoadShape } from '../generator/messages.js';
import type { LoadTestSettings } from '../settings.js';

export interface PlannedPhase {
  name: string;
  shape: LoadShape;
  plannedMs: number;
}

/**
 * The phases of the fixed-shape profiles. Load and soak hold one rate (or one number of
 * users) for the duration; a spike is baseline 40%, spike 20% at `spikeFactor` × the rate,
 * baseline 40% — one phase, so nothing drains between the stages. Stress is adaptive (run.ts).
 */
export function fixedPhases(s: LoadTestSettings): PlannedPhase[] {
  if (s.profile === 'spike') {
    const { baseRate, spikeRate } = spikeShape(s);
    const { baseMs, spikeMs } = spikeSplit(s);
    return [
      {
        name: 'spike',
        plannedMs: s.durationMs,
        shape: { model: 'open', stages: [ { durationMs: baseMs, rate: baseRate }, { durationMs: spikeMs, rate: spikeRate }, { durationMs: baseMs, rate: baseRate } ] },
      },
    ];
  }
  const shape: LoadShape =
    s.model === 'closed' ? { model: 'closed', vus: s.vus, durationMs: s.durationMs } : { model: 'open', stages: [{ durationMs: s.durationMs, rate: s.rate }] };
  return [{ name: s.profile, shape, plannedMs: s.durationMs }];
}

export function spikeShape(s: LoadTestSettings): SpikeShape {
  const { baseMs, spikeMs } = spikeSplit(s);
  return { baseRate: s.rate, spikeRate: s.rate * s.spikeFactor, spikeFrom: Math.round(baseMs / 1000), spikeTo: Math.round((baseMs + spikeMs) / 1000) };
}

/** Baseline 40%, spike 20%, baseline 40% of the duration. */
function spikeSplit(s: LoadTestSettings): { baseMs: number; spikeMs: number } {
  const baseMs = Math.round(s.durationMs * 0.4);
  return { baseMs, spikeMs: s.durationMs - 2 * baseMs };
}

export function stressStep(rate: number, s: LoadTestSettings): PlannedPhase {
  return { name: `step ${rate}/s`, plannedMs: s.durationMs, shape: { model: 'open', stages: [{ durationMs: s.durationMs, rate }] } };
}
