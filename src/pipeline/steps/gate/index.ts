import { join } from 'node:path';
import { ancestors } from '../../plan/run-plan.js';
import { ALL_FILES, GENERATED_EXCLUDES } from '../inputs.js';
import type { StepAction, StepContext, StepOutcome } from '../types.js';
import { auditCondition, coverageCondition, reviewCondition, testsCondition, thresholds, type GateCondition } from './conditions.js';
import type { Coverage } from './coverage.js';
import { npmAudit } from './npm-audit.js';
import { runReview } from './review-seam.js';

/**
 * The quality gate (the seeds' SonarQube threshold): fails the run before any deploy when tests
 * failed, review findings pass the threshold, coverage is under it, or known high
 * vulnerabilities exist — and reports every condition, not just the first that failed.
 * Thresholds come from the step's `with:` (failOn, minScore, maxFindings, review, minCoverage,
 * maxHighVulnerabilities, audit); the review part is src/review's own gate (`slipway review --gate`).
 */
export const reviewGate: StepAction = {
  runsAfterFailure: true,
  cachePolicy(step) {
    const t = thresholds(step.def.with);
    // Vulnerability databases change daily even when the lockfile does not.
    return { inputs: step.def.inputs ?? ALL_FILES, outputs: [], exclude: GENERATED_EXCLUDES, extra: { with: step.def.with, day: t.audit ? new Date().toISOString().slice(0, 10) : null } };
  },
  async execute(ctx: StepContext): Promise<StepOutcome> {
    const t = thresholds(ctx.step.def.with);
    const before = ancestors(ctx.plan.steps, ctx.step.id);
    const planned = ctx.plan.steps.filter((s) => before.has(s.id) && !s.skip);
    const tests = planned.filter((s) => s.def.uses === 'test');
    const conditions: GateCondition[] = [];

    const broken = planned.filter((s) => s.def.uses !== 'test' && ctx.statuses.get(s.id) === 'failed');
    if (broken.length) conditions.push({ name: 'upstream', state: 'failed', detail: `${broken.map((s) => s.id).join(', ')} failed` });
    const records = new Map((await ctx.store.listSteps(ctx.runId)).map((r) => [r.stepId, r]));
    conditions.push(testsCondition(tests.map((s) => ({ id: s.id, status: ctx.statuses.get(s.id) ?? 'pending', error: records.get(s.id)?.error ?? null }))));
    conditions.push(coverageCondition(tests.map((s) => ({ id: s.id, coverage: ctx.results.get(s.id)?.coverage as Coverage | undefined })), t));

    const npmComponents = ctx.spec.components.filter((c) => c.packageManager === 'npm' || (c.runtime === 'node' && !c.packageManager));
    const [audits, review] = await Promise.all([
      t.audit ? Promise.all(npmComponents.map(async (c) => ({ component: c.name, audit: await npmAudit(join(ctx.workspace, c.path), ctx.env, ctx.paths.cacheRoot) }))) : [],
      t.review ? runReview(ctx.workspace, { failOn: t.failOn, minScore: t.minScore }, ctx.paths.cacheRoot) : null,
    ]);
    conditions.push(auditCondition(audits, t));
    conditions.push(review ? reviewCondition(review, t) : { name: 'review', state: 'skipped', detail: 'review: false' });
    if (review?.cached) ctx.log('review: deployment files unchanged since an earlier review; its result is reused');

    ctx.log('quality gate:');
    for (const c of conditions) ctx.log(`  ${c.state === 'passed' ? '✓' : c.state === 'failed' ? '✗' : '–'} ${c.name.padEnd(15)} ${c.detail}`);
    const failed = conditions.filter((c) => c.state === 'failed');
    const result = { gate: { passed: failed.length === 0, conditions } };
    if (failed.length === 0) return { status: 'succeeded', result, note: conditions.filter((c) => c.state === 'passed').map((c) => c.name).join(', ') || 'nothing to check' };
    return { status: 'failed', result, error: `quality gate failed: ${failed.map((c) => `${c.name} (${c.detail})`).join('; ')}` };
  },
};
