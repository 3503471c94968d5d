/**
 * `slipway review` as a library: the pipeline's quality-gate step and the dashboard call
 * these. Example:
 *
 *   const result = await reviewDirectory('.');
 *   const gate = evaluateGate(result.findings, result.scores, { failOn: 'high', minScore: 80 });
 */
import { loadRepository, type LoadOptions } from './load/load-repo.js';
import { applyFixes, type FixReport } from './fix/fix.js';
import { reviewInput, type ReviewOptions, type ReviewResult } from './review.js';
import { RULES } from './rules/index.js';

export type ReviewDirectoryOptions = LoadOptions & ReviewOptions;

/** Reads, parses and reviews a repository; never throws for bad input files (they become parse-error findings). */
export async function reviewDirectory(dir: string, opts: ReviewDirectoryOptions = {}): Promise<ReviewResult> {
  const input = await loadRepository(dir, opts);
  return reviewInput(input.root, input, RULES, opts).result;
}

/** Applies every safe fix (idempotent: a second call changes nothing) and returns the review after it. */
export async function fixDirectory(dir: string, opts: ReviewDirectoryOptions = {}): Promise<FixReport> {
  return applyFixes(async () => {
    const input = await loadRepository(dir, opts);
    return { ...reviewInput(input.root, input, RULES, opts), root: input.root, sources: input.sources };
  });
}

export { evaluateGate, DEFAULT_GATE, type GatePolicy, type GateResult } from './gate.js';
export { formatReport, REPORT_FORMATS, type ReportFormat } from './reporters/index.js';
export { computeScores, SEVERITY_WEIGHT, SEVERITY_CAP, type Scores, type PillarScore } from './score.js';
export { RULES } from './rules/index.js';
export { META_RULES } from './meta-rules.js';
export { PILLARS, PILLAR_TITLES, SEVERITIES, TARGETS, type Finding, type Location, type Pillar, type RuleMeta, type Severity, type Target } from './model.js';
export type { ReviewResult } from './review.js';
export type { FixReport } from './fix/fix.js';
