import type { Command } from 'commander';
import { parseRunId } from '../pipeline/run-id.js';
import { printNextSteps, runExitCode, withCancelOnSignals } from '../pipeline/run-output.js';

interface RunFlags {
  env?: string;
  fromStep?: string;
  source?: string;
  branch?: string;
  verbose?: boolean;
}

export function registerPipeline(program: Command): void {
  const pipeline = program.command('pipeline').description('Run the pipeline of slipway.yaml (or the default one): build → test → gate → deploy → validate');
  pipeline
    .command('run')
    .description('Start a run in a fresh workspace: a commit of the project (or --source), never your working files')
    .argument('[dir]', 'project directory (state goes to <dir>/.slipway)', '.')
    .option('--env <env>', 'last environment to reach, in promotion order (default: all; prod waits for `slipway approve`)')
    .option('--from-step <step>', 'start at this step; earlier ones come from the cache')
    .option('--source <path|url>', 'build this git repository (path or URL) instead of the project directory')
    .option('--branch <branch>', 'branch or commit to build (default: the checked-out HEAD)')
    .option('--verbose', 'stream every line of every step')
    .action(async (dir: string, flags: RunFlags) => {
      const { startRun } = await import('../../pipeline/runner/start-run.js');
      const { reporterFor } = await import('../../pipeline/progress/index.js');
      const outcome = await withCancelOnSignals((signal) =>
        startRun({
          dir, env: flags.env, fromStep: flags.fromStep, source: flags.source, branch: flags.branch,
          reporter: reporterFor(process.stdout, { verbose: flags.verbose ?? false }), signal,
        }),
      );
      printNextSteps(outcome, process.stdout);
      process.exitCode = runExitCode(outcome);
    });
  pipeline
    .command('resume')
    .description('Continue an interrupted, failed or cancelled run from its first unfinished step')
    .argument('<run>', 'run id (slipway runs)')
    .option('--dir <dir>', 'project directory', '.')
    .option('--verbose', 'stream every line of every step')
    .action(async (runArg: string, flags: { dir: string; verbose?: boolean }) => {
      const { resumeRun } = await import('../../pipeline/runner/control.js');
      const { reporterFor } = await import('../../pipeline/progress/index.js');
      const outcome = await withCancelOnSignals((signal) => resumeRun(flags.dir, parseRunId(runArg), { reporter: reporterFor(process.stdout, { verbose: flags.verbose ?? false }), signal }));
      printNextSteps(outcome, process.stdout);
      process.exitCode = runExitCode(outcome);
    });
}
