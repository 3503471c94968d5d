import { parse } from 'shell-quote';

export interface StartArgv {
  /** Leading `NAME=value` assignments, moved to ENV. */
  env: [string, string][];
  /** Exec-form CMD. */
  argv: string[];
  /** True when the command needs a shell (operators, variables, globs): wrapped in `sh -c`. */
  viaShell: boolean;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
const variable = (name: string) => ({ variable: name });

/**
 * A start command from slipway.yaml as an exec-form CMD, so the process gets signals
 * directly. A command that needs a shell runs as `sh -c "exec …"` (exec: the shell
 * hands PID and signals over to the app) or, when compound, as plain `sh -c`.
 */
export function startArgv(command: string): StartArgv {
  const tokens = parse(command.trim(), variable);
  const env: [string, string][] = [];
  let i = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    const m = typeof t === 'string' ? t.match(ASSIGNMENT) : null;
    if (!m) break;
    env.push([m[1]!, m[2]!]);
  }
  const rest = tokens.slice(i);
  if (rest.length > 0 && rest.every((t): t is string => typeof t === 'string')) return { env, argv: rest, viaShell: false };
  const compound = rest.some((t) => typeof t === 'object' && 'op' in t && t.op !== 'glob');
  // `exec env A=1 cmd`: a plain `exec` cannot take leading assignments.
  const simple = `exec ${env.length ? 'env ' : ''}${command.trim()}`;
  return { env: [], argv: ['/bin/sh', '-c', compound ? command.trim() : simple], viaShell: true };
}
