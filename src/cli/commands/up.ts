import type { Command } from 'commander';
import pc from 'picocolors';
import { EXIT, UserError } from '../../errors.js';
import { printNextSteps, runExitCode, withCancelOnSignals } from '../pipeline/run-output.js';

export function registerUp(program: Command): void {
  program
    .command('up')
    .description('Analyze, generate, run the pipeline on the working tree and deploy to dev; prints the URL')
    .argument('[dir]', 'project directory', '.')
    .option('--env <env>', 'environment to deploy to (default: dev)')
    .option('--port <port>', 'serve the environment on this loopback port (recorded in slipway.yaml)')
    .option('--no-generate', 'do not write Dockerfile, compose, config and the other generated files')
    .option('--verbose', 'stream every line of every step')
    .action(async (dir: string, flags: { env?: string; port?: string; generate: boolean; verbose?: boolean }) => {
      const port = flags.port === undefined ? undefined : Number(flags.port);
      if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new UserError(`--port ${flags.port}: not a port number`, EXIT.usage);
      const { up } = await import('../../pipeline/up/up.js');
      const { reporterFor } = await import('../../pipeline/progress/index.js');
      const result = await withCancelOnSignals((signal) =>
        up({
          dir, generate: flags.generate, ...(flags.env ? { env: flags.env } : {}), ...(port !== undefined ? { port } : {}),
          reporter: reporterFor(process.stdout, { verbose: flags.verbose ?? false }), signal,
          say: (line) => process.stdout.write(`${pc.dim(line.slice(0, 10))}${line.slice(10)}\n`),
        }),
      );
      const { outcome } = result;
      printNextSteps({ ...outcome, url: null }, process.stdout);
      if (outcome.status === 'succeeded') {
        process.stdout.write(`\n${pc.green(pc.bold(outcome.run.project))} is live in ${result.env}: ${pc.bold(outcome.url ?? '(no URL)')}\n`);
        process.stdout.write(`${pc.dim(`slipway status --env ${result.env} · slipway runs · slipway down --env ${result.env}`)}\n`);
      }
      process.exitCode = runExitCode(outcome);
    });
}
