import { PILLARS, type Pillar, type Severity } from './model.js';

/** Weight of one check by the severity of the rule that makes it. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { low: 1, medium: 2, high: 5, critical: 10 };
/** Highest score a pillar (and the overall score) can have while it holds such a finding. */
export const SEVERITY_CAP: Partial<Record<Severity, number>> = { high: 85, critical: 60 };

export interface CheckTally {
  pillar: Pillar;
  severity: Severity;
  /** Things examined. */
  checked: number;
  /** Of those, how many have at least one finding that is not suppressed. */
  failed: number;
}

export interface PillarScore {
  /** 0–100, or null when nothing in the repository concerns the pillar. */
  score: number | null;
  checks: number;
  failed: number;
}

export interface Scores {
  overall: number | null;
  pillars: Record<Pillar, PillarScore>;
}

/**
 * score = 100 × (1 − Σ weight × failed / Σ weight × checked), per pillar over that pillar's
 * checks and overall over all checks; then capped at 85 while a high finding is open and at
 * 60 while a critical one is (in that pillar, or anywhere for the overall score). Rounded down.
 * docs/review.md explains it with an example.
 */
export function computeScores(tallies: readonly CheckTally[], openSeverities: readonly { pillar: Pillar; severity: Severity }[]): Scores {
  const pillars = {} as Record<Pillar, PillarScore>;
  let total = 0;
  let lost = 0;
  for (const pillar of PILLARS) {
    const mine = tallies.filter((t) => t.pillar === pillar);
    const w = mine.reduce((s, t) => s + SEVERITY_WEIGHT[t.severity] * t.checked, 0);
    const l = mine.reduce((s, t) => s + SEVERITY_WEIGHT[t.severity] * t.failed, 0);
    total += w;
    lost += l;
    const cap = capFor(openSeverities.filter((f) => f.pillar === pillar).map((f) => f.severity));
    pillars[pillar] = {
      score: w === 0 ? null : Math.min(cap, Math.floor(100 * (1 - l / w))),
      checks: mine.reduce((s, t) => s + t.checked, 0),
      failed: mine.reduce((s, t) => s + t.failed, 0),
    };
  }
  const overall = total === 0 ? null : Math.min(capFor(openSeverities.map((f) => f.severity)), Math.floor(100 * (1 - lost / total)));
  return { overall, pillars };
}

function capFor(severities: readonly Severity[]): number {
  let cap = 100;
  for (const s of severities) cap = Math.min(cap, SEVERITY_CAP[s] ?? 100);
  return cap;
}
