import type { Command } from 'commander';
import pc from 'picocolors';
import { parseRunId } from '../pipeline/run-id.js';
import { printNextSteps, runExitCode, withCancelOnSignals } from '../pipeline/run-output.js';

export function registerApprove(program: Command): void {
  program
    .command('approve')
    .description('Approve a run waiting before an environment (prod by default); the run continues with the same artifact')
    .argument('<run>', 'run id (slipway runs)')
    .option('--dir <dir>', 'project directory', '.')
    .option('--comment <text>', 'recorded with the approval')
    .option('--by <name>', 'who approves (default: your user name)')
    .option('--no-continue', 'only record the approval; `slipway pipeline resume` continues later')
    .action(async (runArg: string, flags: { dir: string; comment?: string; by?: string; continue: boolean }) => {
      const { approveRun } = await import('../../pipeline/runner/control.js');
      const { reporterFor } = await import('../../pipeline/progress/index.js');
      const { approved, outcome } = await withCancelOnSignals((signal) =>
        approveRun(flags.dir, parseRunId(runArg), {
          ...(flags.comment ? { comment: flags.comment } : {}), ...(flags.by ? { by: flags.by } : {}),
          continueRun: flags.continue, reporter: reporterFor(process.stdout), signal,
        }),
      );
      process.stdout.write(`${pc.green('approved')} ${approved.join(', ')} of run ${runArg}\n`);
      if (outcome) {
        printNextSteps(outcome, process.stdout);
        process.exitCode = runExitCode(outcome);
      }
    });
}
