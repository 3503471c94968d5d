import { Listr, type ListrDefaultRenderer, type ListrSimpleRenderer, type ListrTaskWrapper } from 'listr2';
import pc from 'picocolors';
import type { RunRecord } from '../../store/types.js';
import type { PlannedStep, RunPlan } from '../plan/run-plan.js';
import type { RunReporter, StepEnd } from '../runner/reporter.js';
import { describeEnd, runSummary, TailBuffer } from './step-line.js';

type Task = ListrTaskWrapper<unknown, ListrDefaultRenderer, ListrSimpleRenderer>;
interface Slot {
  task?: Task;
  done?: (end: StepEnd | null) => void;
  end?: StepEnd | null;
}

/**
 * Live progress on a terminal with listr2: one line per step, its latest output line beneath
 * while it runs, cache hits and timings when it ends. The scheduler stays in the runner;
 * each listr task only waits for its step to finish.
 */
export class ListrReporter implements RunReporter {
  private readonly slots = new Map<string, Slot>();
  private readonly tails = new TailBuffer(8);
  private listr: Promise<unknown> = Promise.resolve();
  private started = Date.now();
  private hits = 0;
  private misses = 0;

  constructor(private readonly out: NodeJS.WritableStream) {}

  runStarted(run: RunRecord, plan: RunPlan, source: string): void {
    this.started = Date.now();
    this.out.write(`${pc.bold(`run ${run.id}`)} · ${run.project} · ${source}${plan.envs.length ? ` · environments ${plan.envs.join(' → ')}` : ''}\n`);
    const tasks = plan.steps.map((s) => {
      const slot: Slot = {};
      this.slots.set(s.id, slot);
      return {
        title: `${s.id} ${pc.dim('waiting')}`,
        task: async (_ctx: unknown, task: Task) => {
          slot.task = task;
          const end = slot.end !== undefined ? slot.end : await new Promise<StepEnd | null>((resolve) => (slot.done = resolve));
          this.show(s, task, end);
        },
      };
    });
    this.listr = new Listr<unknown, 'default', 'simple'>(tasks, {
      concurrent: true,
      exitOnError: false,
      rendererOptions: { collapseErrors: false, showErrorMessage: true, collapseSkips: true, suffixSkips: false },
    }).run().catch(() => undefined);
  }

  private show(step: PlannedStep, task: Task, end: StepEnd | null): void {
    if (!end) {
      task.skip(`${step.id} ${pc.dim('not run')}`);
      return;
    }
    const text = `${step.id} ${describeEnd(end)}`;
    if (end.status === 'skipped') task.skip(text);
    else if (end.status === 'failed') {
      const tail = this.tails.take(step.id);
      throw new Error(`${text}${tail.length ? `\n${tail.map((l) => pc.dim(`│ ${l}`)).join('\n')}` : ''}`);
    } else task.title = text;
  }

  stepStarted(step: PlannedStep, attempt: number): void {
    const slot = this.slots.get(step.id);
    if (slot?.task) slot.task.title = `${step.id}${attempt > 1 ? pc.dim(` attempt ${attempt}`) : ''}`;
  }

  stepLine(step: PlannedStep, line: string): void {
    this.tails.push(step.id, line);
    const slot = this.slots.get(step.id);
    if (slot?.task) slot.task.output = line;
  }

  stepFinished(step: PlannedStep, end: StepEnd): void {
    if (end.cache === 'hit') this.hits++;
    if (end.cache === 'miss') this.misses++;
    const slot = this.slots.get(step.id);
    if (!slot) return;
    if (slot.done) slot.done(end);
    else slot.end = end;
  }

  note(text: string): void {
    this.out.write(`${text}\n`);
  }

  async runFinished(run: RunRecord): Promise<void> {
    for (const slot of this.slots.values()) {
      if (slot.done) slot.done(null);
      else if (slot.end === undefined) slot.end = null;
    }
    await this.listr;
    this.out.write(`${runSummary(run, Date.now() - this.started, this.hits, this.misses)}\n`);
  }
}
