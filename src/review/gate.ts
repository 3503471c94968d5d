import { severityRank, type Finding, type Severity } from './model.js';
import type { Scores } from './score.js';

export interface GatePolicy {
  /** Fail when an open finding is at least this severe. */
  failOn?: Severity;
  /** Fail when the overall score is below this. */
  minScore?: number;
}

/** What `--gate` alone means. */
export const DEFAULT_GATE: Required<GatePolicy> = { failOn: 'high', minScore: 70 };

export interface GateResult {
  passed: boolean;
  policy: GatePolicy;
  reasons: string[];
}

export function evaluateGate(findings: readonly Finding[], scores: Scores, policy: GatePolicy): GateResult {
  const reasons: string[] = [];
  const open = findings.filter((f) => !f.suppressed);
  if (policy.failOn) {
    const threshold = severityRank(policy.failOn);
    const bad = open.filter((f) => severityRank(f.severity) >= threshold);
    if (bad.length) reasons.push(`${bad.length} open finding${bad.length === 1 ? '' : 's'} of severity ${policy.failOn} or above`);
  }
  if (policy.minScore !== undefined && scores.overall !== null && scores.overall < policy.minScore) {
    reasons.push(`overall score ${scores.overall} is below ${policy.minScore}`);
  }
  return { passed: reasons.length === 0, policy, reasons };
}
