import type { Coverage } from './coverage.js';
import type { AuditResult } from './npm-audit.js';
import type { ReviewSummary } from './review-seam.js';

/** One line of the gate report. */
export interface GateCondition {
  name: 'tests' | 'review' | 'coverage' | 'vulnerabilities' | 'upstream';
  state: 'passed' | 'failed' | 'skipped';
  detail: string;
}

export interface GateThresholds {
  /** Fail on open review findings at or above this severity (default high, as `slipway review --gate`). */
  failOn: 'low' | 'medium' | 'high' | 'critical' | 'none';
  /** Fail when more review findings than this remain (default: no limit). */
  maxFindings: number | null;
  /** Fail when the review's overall score is below (default: the review's DEFAULT_GATE, 70). */
  minScore: number | null;
  /** Fail when line coverage is below this percentage (default: no limit). */
  minCoverage: number | null;
  /** Fail when more high/critical vulnerabilities than this are known (default 0). */
  maxHighVulnerabilities: number;
  /** Run npm audit (default true). */
  audit: boolean;
  /** Run the Well-Architected review (default true). */
  review: boolean;
}

const SEVERITY_RANK: Record<string, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export function thresholds(w: Record<string, string | number | boolean>): GateThresholds {
  const num = (v: unknown) => (v === undefined || v === '' ? null : Number(v));
  const failOn = String(w.failOn ?? 'high');
  return {
    failOn: (['low', 'medium', 'high', 'critical', 'none'].includes(failOn) ? failOn : 'high') as GateThresholds['failOn'],
    maxFindings: num(w.maxFindings),
    minScore: num(w.minScore),
    minCoverage: num(w.minCoverage),
    maxHighVulnerabilities: num(w.maxHighVulnerabilities) ?? 0,
    audit: w.audit !== false && w.audit !== 'false',
    review: w.review !== false && w.review !== 'false',
  };
}

export function testsCondition(tests: { id: string; status: string; error?: string | null }[]): GateCondition {
  if (tests.length === 0) return { name: 'tests', state: 'skipped', detail: 'no test step (set components[].commands.test)' };
  const bad = tests.filter((t) => t.status !== 'succeeded' && t.status !== 'cached');
  if (bad.length === 0) return { name: 'tests', state: 'passed', detail: `${tests.length} test step(s) passed` };
  return { name: 'tests', state: 'failed', detail: bad.map((t) => `${t.id} ${t.status === 'failed' ? `failed${t.error ? `: ${t.error}` : ''}` : 'did not run'}`).join('; ') };
}

export function coverageCondition(reports: { id: string; coverage: Coverage | undefined }[], t: GateThresholds): GateCondition {
  const found = reports.filter((r) => r.coverage);
  if (found.length === 0) {
    return t.minCoverage === null
      ? { name: 'coverage', state: 'skipped', detail: 'no lcov/cobertura report found' }
      : { name: 'coverage', state: 'failed', detail: `minCoverage is ${t.minCoverage}% but no lcov/cobertura report was found (make the test command write coverage/lcov.info)` };
  }
  const worst = found.reduce((a, b) => (a.coverage!.linePct <= b.coverage!.linePct ? a : b));
  const pct = worst.coverage!.linePct;
  const detail = found.map((r) => `${r.id} ${r.coverage!.linePct.toFixed(1)}%`).join(', ');
  if (t.minCoverage === null) return { name: 'coverage', state: 'passed', detail: `${detail} (no threshold)` };
  return pct >= t.minCoverage
    ? { name: 'coverage', state: 'passed', detail: `${detail} ≥ ${t.minCoverage}%` }
    : { name: 'coverage', state: 'failed', detail: `${worst.id} covers ${pct.toFixed(1)}% of lines, under the ${t.minCoverage}% threshold` };
}

export function auditCondition(results: { component: string; audit: AuditResult }[], t: GateThresholds): GateCondition {
  if (!t.audit) return { name: 'vulnerabilities', state: 'skipped', detail: 'audit: false' };
  const ok = results.filter((r): r is { component: string; audit: Extract<AuditResult, { state: 'ok' }> } => r.audit.state === 'ok');
  const skipped = results.filter((r) => r.audit.state === 'skipped').map((r) => `${r.component}: ${(r.audit as { reason: string }).reason}`);
  if (ok.length === 0) return { name: 'vulnerabilities', state: 'skipped', detail: skipped.join('; ') || 'no npm component' };
  const high = ok.reduce((n, r) => n + r.audit.high + r.audit.critical, 0);
  const detail = ok.map((r) => `${r.component}: ${r.audit.critical} critical, ${r.audit.high} high${r.audit.top.length ? ` (${r.audit.top.join(', ')})` : ''}`).join('; ');
  return high > t.maxHighVulnerabilities
    ? { name: 'vulnerabilities', state: 'failed', detail: `${detail} — more than ${t.maxHighVulnerabilities} allowed; run \`npm audit fix\`` }
    : { name: 'vulnerabilities', state: 'passed', detail };
}

export function reviewCondition(review: ReviewSummary, t: GateThresholds): GateCondition {
  const failures = [...review.reasons];
  const worst = [...review.open].sort((a, b) => (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0)).slice(0, 3);
  if (t.maxFindings !== null && review.open.length > t.maxFindings) failures.push(`${review.open.length} open findings, more than ${t.maxFindings}`);
  const summary = `${review.open.length} open finding(s)${review.score !== null ? `, score ${review.score}` : ''}`;
  if (!failures.length) return { name: 'review', state: 'passed', detail: summary };
  return { name: 'review', state: 'failed', detail: `${failures.join('; ')} — ${summary}: ${worst.map((f) => `${f.ruleId} ${f.where}`).join(', ')} (slipway review for details)` };
}
