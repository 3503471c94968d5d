import { parse } from 'shell-quote';

/** One program invocation out of a shell line: leading `VAR=value` assignments split off. */
export interface SimpleCommand {
  env: Record<string, string>;
  argv: string[];
}

/** A shell line as a list of simple commands and the operators between them. */
export interface ShellLine {
  commands: SimpleCommand[];
  /** operators[i] joins commands[i] and commands[i + 1]: "&&", ";", "||", "|", "&". */
  operators: string[];
  /** True when the line uses pipes, subshells, redirections or globs: not a plain command list. */
  complex: boolean;
}

const VAR_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)([:]?[-=?+][^}]*)?\}/g;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Programs that only set variables before running the rest of the line. */
const ENV_WRAPPERS = new Set(['env', 'cross-env', 'cross-env-shell']);

/**
 * Parses one shell line with shell-quote (quotes, operators, comments). Variable references
 * stay literal (`$PORT`, `${PORT:-3000}`): nothing is expanded, nothing is executed.
 */
export function parseShell(line: string): ShellLine {
  const refs: string[] = [];
  const protectedLine = line.replace(VAR_REF, (m) => `__SLIPWAY_VAR_${refs.push(m) - 1}__`);
  const restore = (s: string) => s.replace(/__SLIPWAY_VAR_(\d+)__/g, (_m, i: string) => refs[Number(i)] ?? '');
  let tokens: ReturnType<typeof parse>;
  try {
    tokens = parse(protectedLine, (key) => `$${key}`);
  } catch {
    return { commands: [], operators: [], complex: true };
  }
  const commands: SimpleCommand[] = [];
  const operators: string[] = [];
  let complex = false;
  let current: string[] = [];
  const flush = () => {
    if (current.length) commands.push(splitEnv(current));
    current = [];
  };
  for (const t of tokens) {
    if (typeof t === 'string') current.push(restore(t));
    else if ('comment' in t) break;
    else if ('op' in t) {
      if (t.op === 'glob') {
        current.push(restore(t.pattern));
        complex = true;
      } else if (t.op === '&&' || t.op === ';' || t.op === '||' || t.op === '|' || t.op === '&') {
        flush();
        operators.push(t.op);
        if (t.op !== '&&' && t.op !== ';' && t.op !== '&') complex = true;
      } else {
        complex = true; // redirections, subshells
        current.push(t.op);
      }
    }
  }
  flush();
  // `cmd &` at the end only backgrounds the command; `a & b` runs two processes at once.
  if (operators.slice(0, Math.max(0, commands.length - 1)).includes('&')) complex = true;
  return { commands, operators: operators.slice(0, Math.max(0, commands.length - 1)), complex };
}

function splitEnv(tokens: string[]): SimpleCommand {
  const env: Record<string, string> = {};
  let i = 0;
  for (;;) {
    while (i < tokens.length && ASSIGNMENT.test(tokens[i]!)) {
      const t = tokens[i++]!;
      const eq = t.indexOf('=');
      env[t.slice(0, eq)] = t.slice(eq + 1);
    }
    if (i < tokens.length && ENV_WRAPPERS.has(tokens[i]!) && tokens.slice(i + 1).some((t) => !ASSIGNMENT.test(t))) {
      i++;
      continue;
    }
    break;
  }
  return { env, argv: tokens.slice(i) };
}

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./${}~-]+$/;

/** Joins argv back into a shell line, quoting only where needed. */
export function joinArgv(argv: readonly string[]): string {
  return argv.map((a) => (a === '' ? "''" : SAFE_WORD.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** The text of a simple command without its variable assignments. */
export function commandText(c: SimpleCommand): string {
  return joinArgv(c.argv);
}
