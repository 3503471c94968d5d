import pc from 'picocolors';
import type { RunRecord } from '../../store/types.js';
import { formatMs } from '../exec/duration.js';
import type { StepEnd } from '../runner/reporter.js';

export const STATUS_ICON: Record<string, string> = {
  succeeded: pc.green('✓'),
  cached: pc.green('✓'),
  failed: pc.red('✗'),
  skipped: pc.dim('–'),
  waiting: pc.yellow('⏸'),
  cancelled: pc.yellow('■'),
  interrupted: pc.yellow('!'),
  pending: pc.dim('·'),
  running: pc.cyan('▶'),
};

/** "cache hit · 12 ms · note" — what follows a step's name on its line. */
export function describeEnd(end: StepEnd): string {
  const parts: string[] = [];
  if (end.status === 'cached') parts.push(pc.cyan(end.cache === 'hit' ? 'cache hit' : 'up to date'));
  else if (end.cache === 'miss') parts.push(pc.dim('cache miss'));
  if (end.status !== 'skipped') parts.push(formatMs(end.durationMs));
  if (end.attempt > 1) parts.push(`attempt ${end.attempt}`);
  if (end.note) parts.push(end.status === 'skipped' ? pc.dim(end.note) : end.note);
  if (end.error) parts.push(pc.red(end.error));
  return parts.join(pc.dim(' · '));
}

/** "run 7 succeeded in 1.2 s · cache 3 hit(s), 1 miss(es)": the last line of a run. */
export function runSummary(run: RunRecord, ms: number, hits: number, misses: number): string {
  const color = run.status === 'succeeded' ? pc.green : run.status === 'waiting-approval' ? pc.yellow : pc.red;
  const cache = hits + misses ? ` · cache ${hits} hit(s), ${misses} miss(es)` : '';
  return `${pc.bold(`run ${run.id}`)} ${color(run.status)} in ${formatMs(ms)}${cache}`;
}

/** Keeps the last lines of each step's output, to show when it fails. */
export class TailBuffer {
  private readonly lines = new Map<string, string[]>();
  constructor(private readonly size = 20) {}
  push(step: string, line: string): void {
    const buf = this.lines.get(step) ?? [];
    buf.push(line);
    if (buf.length > this.size) buf.shift();
    this.lines.set(step, buf);
  }
  take(step: string): string[] {
    const buf = this.lines.get(step) ?? [];
    this.lines.delete(step);
    return buf;
  }
}
