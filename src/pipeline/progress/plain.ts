import pc from 'picocolors';
import type { RunRecord } from '../../store/types.js';
import type { PlannedStep, RunPlan } from '../plan/run-plan.js';
import type { RunReporter, StepEnd } from '../runner/reporter.js';
import { describeEnd, runSummary, STATUS_ICON, TailBuffer } from './step-line.js';

/**
 * Progress as plain lines (CI logs, pipes): one line when a step starts and one when it ends;
 * a failed step shows the end of its output. `verbose` streams every output line.
 */
export class PlainReporter implements RunReporter {
  private readonly tails = new TailBuffer();
  private width = 12;
  private started = Date.now();
  private hits = 0;
  private misses = 0;
  /** Steps `when` rules out, shown together on one line before the first step starts. */
  private planned: { id: string; why: string }[] = [];

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly verbose = false,
  ) {}

  private w(s: string): void {
    this.out.write(`${s}\n`);
  }

  runStarted(run: RunRecord, plan: RunPlan, source: string): void {
    this.started = Date.now();
    this.width = Math.max(12, ...plan.steps.map((s) => s.id.length));
    const envs = plan.envs.length ? ` · environments ${plan.envs.join(' → ')}` : '';
    this.w(`${pc.bold(`run ${run.id}`)} · ${run.project} · ${source}${envs}${run.attempts > 1 ? ` · resumed (attempt ${run.attempts})` : ''}`);
  }

  private flushPlannedSkips(): void {
    if (!this.planned.length) return;
    const byWhy = new Map<string, string[]>();
    for (const p of this.planned) byWhy.set(p.why, [...(byWhy.get(p.why) ?? []), p.id]);
    for (const [why, ids] of byWhy) this.w(`  ${STATUS_ICON.skipped} ${pc.dim(`${ids.join(', ')}: ${why}`)}`);
    this.planned = [];
  }

  stepStarted(step: PlannedStep, attempt: number): void {
    this.flushPlannedSkips();
    this.w(`  ${STATUS_ICON.running} ${step.id}${attempt > 1 ? pc.dim(` (attempt ${attempt})`) : ''}`);
  }

  stepLine(step: PlannedStep, line: string): void {
    if (this.verbose) this.w(`    ${pc.dim(`${step.id} │`)} ${line}`);
    else this.tails.push(step.id, line);
  }

  stepFinished(step: PlannedStep, end: StepEnd): void {
    if (end.status === 'skipped' && end.attempt === 0) {
      this.planned.push({ id: step.id, why: end.note ?? 'skipped' });
      return;
    }
    if (end.cache === 'hit') this.hits++;
    if (end.cache === 'miss') this.misses++;
    this.w(`  ${STATUS_ICON[end.status] ?? '?'} ${step.id.padEnd(this.width)} ${describeEnd(end)}`);
    const tail = this.tails.take(step.id);
    if (end.status === 'failed' && !this.verbose) for (const l of tail) this.w(`    ${pc.dim('│')} ${l}`);
  }

  note(text: string): void {
    this.w(text);
  }

  async runFinished(run: RunRecord): Promise<void> {
    this.flushPlannedSkips();
    this.w(runSummary(run, Date.now() - this.started, this.hits, this.misses));
  }
}
