import type { Command } from 'commander';
import pc from 'picocolors';
import { targetFor } from '../../deploy/targets/index.js';
import { loadProject } from '../../project/load.js';
import { deployOptions, printOutcome } from './deploy.js';

export function registerRollback(program: Command): void {
  program
    .command('rollback')
    .description('Switch an environment back to its previous release (instant while it is warm), or to --to RELEASE')
    .argument('[dir]', 'project directory', '.')
    .requiredOption('--env <env>', 'environment')
    .option('--to <release>', 'release id (see `slipway status`); default: the release before the live one')
    .option('--json', 'print the outcome as JSON')
    .action(async (dir: string, opts: { env: string; to?: string; json?: boolean }) => {
      const project = loadProject(dir);
      const outcome = await targetFor(project.spec, opts.env).rollback({
        spec: project.spec,
        projectDir: project.dir,
        env: opts.env,
        ...(opts.to ? { to: opts.to } : {}),
        log: (l) => void (opts.json ? process.stderr : process.stdout).write(`${pc.dim('│')} ${l}\n`),
        options: deployOptions({}),
      });
      printOutcome(outcome, opts.json === true);
    });
}
