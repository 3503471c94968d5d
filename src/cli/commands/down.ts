import type { Command } from 'commander';
import pc from 'picocolors';
import { targetFor } from '../../deploy/targets/index.js';
import { loadProject } from '../../project/load.js';
import { environmentNames } from '../../spec/environments.js';

export function registerDown(program: Command): void {
  program
    .command('down')
    .description('Stop serving an environment (every environment without --env); releases stay on disk')
    .argument('[dir]', 'project directory', '.')
    .option('--env <env>', 'environment')
    .action(async (dir: string, opts: { env?: string }) => {
      const project = loadProject(dir);
      for (const env of opts.env ? [opts.env] : environmentNames(project.spec)) {
        await targetFor(project.spec, env).down({
          spec: project.spec,
          projectDir: project.dir,
          env,
          log: (l) => void process.stdout.write(`${pc.dim('│')} ${l}\n`),
        });
      }
    });
}
