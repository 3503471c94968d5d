import { parseShell, type SimpleCommand } from '../../collectors/commands/shell.js';

/** A command line followed through package.json scripts to the process that finally runs. */
export interface ResolvedCommand {
  /** The last program of the chain: the long-running process for a start script. */
  command: SimpleCommand;
  /** Programs chained before it with `&&` or `;` (migrations, builds), already resolved. */
  before: SimpleCommand[];
  /** Variables assigned on the way (`NODE_ENV=production node …`, `cross-env …`). */
  env: Record<string, string>;
  /** Scripts followed, outermost first: ["start", "start:prod"]. */
  via: string[];
  /** Set when the line cannot be reduced to one process: pipes, `||`, background jobs, recursion. */
  opaque?: string;
}

const MAX_DEPTH = 6;
/** Package-runner prefixes that only locate a binary: `npx next start` runs `next start`. */
const RUNNERS: Record<string, number> = { npx: 1, bunx: 1, 'pnpx': 1 };

/** Follows `npm run x`, `yarn x`, `pnpm x`, `bun run x`, `node --run x` and npx through `scripts`. */
export function resolveCommandLine(line: string, scripts: Record<string, string>, depth = 0, via: string[] = []): ResolvedCommand | undefined {
  const parsed = parseShell(line);
  if (parsed.commands.length === 0) return undefined;
  const base = { before: [] as SimpleCommand[], env: {} as Record<string, string>, via };
  if (parsed.complex || depth > MAX_DEPTH) {
    return { ...base, command: parsed.commands.at(-1)!, opaque: depth > MAX_DEPTH ? 'scripts call each other too deeply' : `"${line}" is not a single process (pipes, || or a background job)` };
  }
  const parts = parsed.commands.map((c) => resolveSimple(c, scripts, depth, via));
  const last = parts.at(-1)!;
  const before = parts.slice(0, -1).flatMap((p) => [...p.before, p.command]);
  const env = Object.assign({}, ...parts.map((p) => p.env)) as Record<string, string>;
  const opaque = parts.find((p) => p.opaque)?.opaque;
  return { command: last.command, before: [...before, ...last.before], env, via: last.via, ...(opaque ? { opaque } : {}) };
}

function resolveSimple(c: SimpleCommand, scripts: Record<string, string>, depth: number, via: string[]): ResolvedCommand {
  const call = scriptCall(c.argv, scripts);
  if (call && scripts[call.script] !== undefined) {
    if (via.includes(call.script)) return { command: c, before: [], env: c.env, via, opaque: `script "${call.script}" calls itself` };
    const inner = resolveCommandLine(scripts[call.script]!, scripts, depth + 1, [...via, call.script]);
    if (!inner) return { command: c, before: [], env: c.env, via };
    const command = call.extra.length ? { ...inner.command, argv: [...inner.command.argv, ...call.extra] } : inner.command;
    return { ...inner, command, env: { ...c.env, ...inner.env } };
  }
  if (call?.bin) return { command: { env: c.env, argv: [call.script, ...call.extra] }, before: [], env: c.env, via };
  const skip = RUNNERS[c.argv[0] ?? ''];
  if (skip !== undefined) {
    const rest = c.argv.slice(skip).filter((a, i, all) => !(a.startsWith('-') && all.slice(0, i).every((x) => x.startsWith('-'))));
    return { command: { env: c.env, argv: rest }, before: [], env: c.env, via };
  }
  const pmExec = /^(pnpm|yarn|bun)$/.test(c.argv[0] ?? '') && (c.argv[1] === 'exec' || c.argv[1] === 'dlx' || c.argv[1] === 'x');
  if (pmExec) return { command: { env: c.env, argv: c.argv.slice(2) }, before: [], env: c.env, via };
  return { command: c, before: [], env: c.env, via };
}

export interface ScriptCall {
  script: string;
  extra: string[];
  /** `yarn next build`: not a script, a binary run through the package manager. */
  bin?: boolean;
}

const NPM_LIFECYCLE = new Set(['start', 'test', 'stop', 'restart']);

/** Recognises a package-manager invocation of a script; undefined for anything else. */
export function scriptCall(argv: readonly string[], scripts: Record<string, string> = {}): ScriptCall | undefined {
  const [pm, ...rest] = argv;
  const args = rest.filter((a) => !/^(-s|--silent|--quiet|-q|--if-present)$/.test(a));
  const afterDashes = (list: string[]) => (list[0] === '--' ? list.slice(1) : list);
  if (pm === 'npm') {
    const [sub, name, ...more] = args;
    if (sub && NPM_LIFECYCLE.has(sub)) return { script: sub, extra: afterDashes(args.slice(1)).filter((a) => a !== '--') };
    if ((sub === 'run' || sub === 'run-script' || sub === 'rum' || sub === 'urn') && name) return { script: name, extra: dashExtra(more) };
    return undefined;
  }
  if (pm === 'node' && args[0] === '--run' && args[1]) return { script: args[1], extra: dashExtra(args.slice(2)) };
  if (pm === 'yarn' || pm === 'pnpm' || pm === 'bun') {
    let [sub, ...more] = args;
    if (sub === 'run' || sub === 'run-script') [sub, ...more] = more;
    if (!sub || sub.startsWith('-')) return undefined;
    if (scripts[sub] !== undefined) return { script: sub, extra: afterDashes(more) };
    if (pm === 'bun' || args[0] === 'run') return undefined;
    if (PM_COMMANDS.has(sub)) return undefined;
    return { script: sub, extra: more, bin: true };
  }
  return undefined;
}

/** Built-in subcommands of yarn/pnpm: never scripts or binaries. */
const PM_COMMANDS = new Set([
  'install', 'i', 'add', 'remove', 'rm', 'up', 'upgrade', 'update', 'dlx', 'exec', 'x', 'workspace', 'workspaces', 'why', 'link', 'unlink',
  'import', 'init', 'create', 'config', 'cache', 'set', 'dedupe', 'prune', 'pack', 'publish', 'audit', 'outdated', 'list', 'ls', 'info',
  'store', 'fetch', 'patch', 'patch-commit', 'rebuild', 'global', 'bin', 'node', 'plugin', 'version', 'login', 'logout', 'setup', 'env',
  'deploy', 'licenses', 'recursive', '-r', 'filter', 'test', 'start',
]);

function dashExtra(list: string[]): string[] {
  const i = list.indexOf('--');
  return i < 0 ? [] : list.slice(i + 1);
}
