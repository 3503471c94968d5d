import type { Command } from 'commander';
import pc from 'picocolors';
import { parseRunId } from '../pipeline/run-id.js';

export function registerCancel(program: Command): void {
  program
    .command('cancel')
    .description('Cancel a run: its running step is stopped (with everything it started) and nothing after it runs')
    .argument('<run>', 'run id (slipway runs)')
    .option('--dir <dir>', 'project directory', '.')
    .action(async (runArg: string, flags: { dir: string }) => {
      const { cancelRun } = await import('../../pipeline/runner/control.js');
      const run = await cancelRun(flags.dir, parseRunId(runArg));
      const ok = run.status === 'cancelled';
      process.stdout.write(`${ok ? pc.yellow('cancelled') : pc.red(run.status)} run ${run.id}${ok ? '' : ' (the runner has not stopped yet; check `slipway runs`)'}\n`);
      if (!ok) process.exitCode = 1;
    });
}
