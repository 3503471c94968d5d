/**
 * A small typed model of the Groovy a declarative Jenkinsfile is made of: nested calls with
 * positional or named arguments and an optional closure body (`stage('Build') { … }`,
 * `sh '''…'''`, `timeout(time: 1, unit: 'DAYS') { … }`), plus raw statements for the rare
 * `script { }` line. printGroovy() turns it into text; strings are always single-quoted, so
 * Groovy never interpolates `$VAR` — the shell does.
 */
export type Arg = string | number | boolean | Raw;
export interface Raw {
  raw: string;
}
export interface Call {
  name: string;
  args?: Arg[];
  named?: Record<string, Arg>;
  body?: Node[];
}
export type Node = Call | Raw;

export const call = (name: string, args: Arg[] = [], body?: Node[]): Call => (body ? { name, args, body } : { name, args });
export const named = (name: string, args: Record<string, Arg>, body?: Node[]): Call => (body ? { name, named: args, body } : { name, named: args });
export const block = (name: string, body: Node[]): Call => ({ name, body });
export const raw = (code: string): Raw => ({ raw: code });

const INDENT = '    ';

export function printGroovy(nodes: Node[], depth = 0): string[] {
  return nodes.flatMap((n) => printNode(n, depth));
}

function printNode(n: Node, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  if ('raw' in n) return [`${pad}${n.raw}`];
  const args = n.args ?? [];
  const named = Object.entries(n.named ?? {});
  const multiline = args.some((a) => typeof a === 'string' && a.includes('\n'));
  let head = n.name;
  if (named.length) head += `(${[...args.map(literal), ...named.map(([k, v]) => `${k}: ${literal(v)}`)].join(', ')})`;
  else if (args.length === 1 && !n.body) head += ` ${literal(args[0]!)}`;
  else if (args.length) head += `(${args.map(literal).join(', ')})`;
  else if (!n.body) head += '()';
  const lines = multiline ? indentContinuation(head, pad) : [`${pad}${head}`];
  if (!n.body) return lines;
  const last = lines.pop()!;
  return [...lines, `${last} {`, ...printGroovy(n.body, depth + 1), `${pad}}`];
}

/** Lines of a multi-line string stay as they are (they are the script's own lines). */
function indentContinuation(head: string, pad: string): string[] {
  const [first, ...rest] = head.split('\n');
  return [`${pad}${first}`, ...rest];
}

export function literal(v: Arg): string {
  if (typeof v === 'object') return v.raw;
  if (typeof v !== 'string') return String(v);
  const escaped = v.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  return v.includes('\n') ? `'''${escaped}'''` : `'${escaped}'`;
}
