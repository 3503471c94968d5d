import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { EXIT, UserError } from '../errors.js';
import { SLIPWAY_VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';

/**
 * The program with the commands `argv` needs: only the invoked one when it is named first
 * (fast start), every one otherwise (help, typos with suggestions).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('slipway')
    .description('From "deployed by hand, following the README" to reviewed, containerized, pipeline-driven deployments.')
    .version(SLIPWAY_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const first = argv[0];
  const names = first !== undefined && first in COMMANDS ? [first] : first === '--version' || first === '-V' ? [] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((n) => COMMANDS[n]!()));
  for (const register of registers) register(program);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync([...argv], { from: 'user' });
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

