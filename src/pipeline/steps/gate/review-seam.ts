import type { GatePolicy, Severity } from '../../../review/index.js';
import { readCachedReview, reviewCacheKey, writeCachedReview } from './review-cache.js';

/** What the quality gate needs from `slipway review` (src/review's programmatic API). */
export interface ReviewSummary {
  open: { ruleId: string; severity: string; where: string }[];
  score: number | null;
  /** Why the review's own gate failed (empty: passed). */
  reasons: string[];
}

/**
 * Reviews the run's workspace — the deployment files of this commit, generated or hand-written
 * — and applies the review's gate policy (failOn severity, minScore), as `slipway review
 * --gate` does. Defaults are the review's DEFAULT_GATE.
 */
export async function runReview(dir: string, policy: { failOn?: string; minScore?: number | null }, cacheRoot?: string): Promise<ReviewSummary & { cached: boolean }> {
  // Loaded on use: the review engine (with its Terraform parser) is heavy, and a gate that is
  // a cache hit never needs it.
  const { DEFAULT_GATE, evaluateGate, reviewDirectory, RULES } = await import('../../../review/index.js');
  const { classify } = await import('../../../review/load/discover.js');
  const gate: GatePolicy = {
    ...(policy.failOn === 'none' ? {} : { failOn: (policy.failOn ?? DEFAULT_GATE.failOn) as Severity }),
    minScore: policy.minScore ?? DEFAULT_GATE.minScore,
  };
  const key = cacheRoot ? reviewCacheKey(dir, classify, RULES, gate) : null;
  const hit = cacheRoot && key ? readCachedReview<ReviewSummary>(cacheRoot, key) : null;
  if (hit) return { ...hit, cached: true };
  const result = await reviewDirectory(dir);
  const verdict = evaluateGate(result.findings, result.scores, gate);
  const open = result.findings
    .filter((f) => !f.suppressed)
    .map((f) => ({ ruleId: f.ruleId, severity: f.severity, where: `${f.location.file}:${f.location.line}` }));
  const summary: ReviewSummary = { open, score: result.scores.overall, reasons: verdict.reasons };
  if (cacheRoot && key) writeCachedReview(cacheRoot, key, summary);
  return { ...summary, cached: false };
}
