import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { EXIT, UserError } from '../errors.js';
import { COMMANDS } from './commands/index.js';

export function buildProgram(): Command {
  const program = new Command('slipway')
    .description('From "deployed by hand, following the README" to reviewed, containerized, pipeline-driven deployments.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of COMMANDS) register(program);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

const VERSION = '0.1.0';

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (err instanceof UserError) {
      process.stderr.write(`${pc.red('error')} ${err.message}\n`);
      if (err.hint) process.stderr.write(`${pc.dim('hint')}  ${err.hint}\n`);
      return err.exitCode;
    }
    throw err;
  }
}

