import { interpretStart } from '../commands/start-command.js';
import { DEV_CONTEXT, PROD_CONTEXT, ecosystemOf, roleOf, type CommandRole } from './classify.js';
import type { ShellLine } from './shell-lines.js';
import { ownPrograms, runsAsServer } from './own-programs.js';
import { readmeOrigin, type ReadmeContext } from './types.js';

const FIELD: Record<Exclude<CommandRole, 'start'>, 'commands.install' | 'commands.build' | 'commands.test' | 'commands.release'> = {
  install: 'commands.install', build: 'commands.build', test: 'commands.test', release: 'commands.release',
};

/** install/build/test/start/release commands written in the README's code blocks. */
export function addReadmeCommands(ctx: ReadmeContext): void {
  const { facts, view } = ctx;
  let own: Set<string> | undefined;
  for (const l of view.shell) {
    if (/^(sudo\s+)?(docker|podman)\b/.test(l.text)) continue;
    const eco = ecosystemOf(l.text);
    if (eco && eco !== facts.provider) continue;
    const argv = l.text.replace(/^sudo\s+/, '').split(/\s+/);
    const ownServer = !eco && (own ??= ownPrograms(ctx.repo, facts)).has(argv[0]!) && runsAsServer(argv);
    const role = ownServer ? 'start' : roleOf(l.text);
    if (!role) continue;
    if (role === 'start') addStart(ctx, l, ownServer);
    else addOther(ctx, l, role);
  }
}

function addOther(ctx: ReadmeContext, l: ShellLine, role: Exclude<CommandRole, 'start'>): void {
  const field = FIELD[role];
  const text = l.text.replace(/^sudo\s+/, '');
  const known = ctx.facts.best(field);
  // The same tool doing the same job agrees with the manifest (`npm install` vs `npm ci`).
  const value = known && sameTool(known, text, role) ? known : text;
  const reason = value === text ? `README ${role} command` : `README ${role}s with ${text.split(' ')[0]} (\`${text}\`)`;
  ctx.facts.add(field, value, readmeOrigin(ctx.view, l.line, l.text, reason, DEV_CONTEXT.test(l.section) ? 0.5 : undefined));
}

function addStart(ctx: ReadmeContext, l: ShellLine, ownServer: boolean): void {
  const { repo, facts, view } = ctx;
  const meaning = interpretStart(l.text, repo, facts.dir);
  if (!meaning) return;
  const dev = meaning.development || DEV_CONTEXT.test(l.section);
  // The project's own CLI run as a server is its documented entry point: above generic guesses.
  const base = ownServer ? 0.65 : 0.6;
  const weight = meaning.opaque ? 0.3 : dev ? 0.45 : PROD_CONTEXT.test(l.section) ? base + 0.05 : base;
  const reason = `README start command${meaning.reason ? `: ${meaning.reason}` : ''}`;
  const origin = readmeOrigin(view, l.line, l.text, reason, weight);
  if (meaning.staticDir) {
    facts.add('kind', 'static', origin);
    facts.add('staticDir', meaning.staticDir, origin);
  }
  if (meaning.start) facts.add('commands.start', meaning.start, origin);
  if (meaning.build) facts.add('commands.build', ctx.facts.best('commands.build') ?? meaning.build, { ...origin, weight: 0.4 });
  if (meaning.port) facts.add('port', meaning.port, { ...origin, reason: `${reason} (port ${meaning.port})` });
  if (meaning.release) facts.add('commands.release', meaning.release, origin);
  for (const [name, value] of Object.entries(meaning.env)) facts.addEnv(name, { default: value }, { ...origin, reason: `README sets ${name} for the start command` });
}

function sameTool(known: string, text: string, role: CommandRole): boolean {
  const [a, b] = [known.split(/\s+/), text.split(/\s+/)];
  if (a[0] !== b[0]) return false;
  if (role === 'install') return true;
  const script = (w: string[]) => (w[1] === 'run' ? w[2] : w[1]);
  return script(a) === script(b);
}
