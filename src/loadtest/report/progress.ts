import pc from 'picocolors';
import { formatLatency } from '../duration.js';
import type { PhaseResult, ProgressEvent } from '../run.js';
import type { PlannedPhase } from '../profiles/plan.js';
import { totalErrors } from '../metrics/errors.js';

const WIDTH = 24;

/**
 * Live progress on stderr: a bar redrawn once a second on a terminal, one line per phase
 * otherwise (CI logs). Never on stdout, so `--json` output stays clean.
 */
export class ProgressView {
  private readonly tty: boolean;
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.tty = Boolean(stream.isTTY);
  }

  phaseStart(phase: PlannedPhase, index: number): void {
    if (!this.tty) this.stream.write(`${pc.dim('…')} ${phase.name} (${index + 1})\n`);
  }

  second(e: ProgressEvent): void {
    if (!this.tty) return;
    const done = Math.min(1, ((e.second.second + 1) * 1000) / e.phase.plannedMs);
    const filled = Math.round(done * WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    const where = e.totalPhases === null ? `step ${e.phaseIndex + 1} ${e.phase.name.replace(/^step /, '')}` : e.phase.name;
    const errors = totalErrors(e.second.errors);
    const line = `${where} ${bar} ${Math.round(done * 100)}%  ${e.second.ok + errors} req/s  p99 ${formatLatency(e.second.latency.p99)}  errors ${errors ? pc.red(String(errors)) : 0}`;
    this.stream.write(`\r\x1b[2K${line}`);
    this.drawn = true;
  }

  phaseEnd(result: PhaseResult): void {
    this.clear();
    const r = result.run;
    const errors = totalErrors(r.errors);
    const verdict = result.step ? (result.step.passed ? pc.green('held') : pc.red(`broke: ${result.step.reasons.join('; ')}`)) : '';
    this.stream.write(`${pc.dim('✓')} ${result.name}: ${r.ok + errors} requests, ${errors} failed ${verdict}\n`);
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
