import { formatMs } from '../exec/duration.js';
import type { CommandResult } from '../exec/run-command.js';
import type { StepOutcome } from './types.js';

/** A command's end as a step outcome, with a message that says what to do. */
/** `where` is a stepWhere() location: "slipway.yaml:17 pipeline.steps[2].run". */
export function commandOutcome(r: CommandResult, command: string, where: string, timeoutMs?: number): StepOutcome {
  if (r.logError) return { status: 'failed', error: r.logError.message, exitCode: r.exitCode };
  if (r.cancelled) return { status: 'failed', error: 'cancelled', exitCode: r.exitCode };
  if (r.timedOut) return { status: 'failed', error: `timed out after ${formatMs(timeoutMs ?? 0)} (raise \`timeout\` at ${where})`, exitCode: r.exitCode };
  if (r.exitCode === 0) return { status: 'succeeded', exitCode: 0 };
  const program = command.trim().split(/\s+/)[0] ?? command;
  if (r.notFound) {
    return { status: 'failed', exitCode: r.exitCode, error: `command not found: "${program}" (exit 127): install it, or fix the command at ${where}` };
  }
  if (r.exitCode === 126) return { status: 'failed', exitCode: 126, error: `"${program}" is not executable (exit 126): check its permissions, or fix ${where}` };
  if (r.signal) return { status: 'failed', exitCode: null, error: `killed by ${r.signal}` };
  return { status: 'failed', exitCode: r.exitCode, error: `\`${command}\` exited with ${r.exitCode}` };
}
