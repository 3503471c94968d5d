import { Call, Nested, Raw, type Block, type Body, type Expr, type HclFile } from './model.js';

const INDENT = '  ';
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** HCL text in `terraform fmt` layout: 2-space indent, `=` aligned within runs of one-line attributes. */
export function printFile(file: HclFile): string {
  const head = file.header.map((l) => `# ${l}`.trimEnd());
  const blocks = file.blocks.map((b) => printBlock(b, 0).join('\n'));
  if (file.attributes) blocks.unshift(printBody(file.attributes, 0).join('\n'));
  return `${[...(head.length ? [head.join('\n')] : []), ...blocks].join('\n\n')}\n`;
}

function printBlock(b: Block, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const comment = b.comment ? b.comment.split('\n').map((l) => `${pad}# ${l}`.trimEnd()) : [];
  const head = [b.type, ...b.labels.map((l) => JSON.stringify(l))].join(' ');
  const body = printBody(b.body, depth + 1);
  return [...comment, ...(body.length ? [`${pad}${head} {`, ...body, `${pad}}`] : [`${pad}${head} {}`])];
}

/** Body items: attributes grouped for alignment; a nested block or multi-line value ends a group. */
function printBody(body: Body, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const out: string[] = [];
  let group: [string, string][] = [];
  const flush = () => {
    const width = Math.max(0, ...group.map(([k]) => k.length));
    for (const [k, v] of group) out.push(`${pad}${k.padEnd(width)} = ${v}`);
    group = [];
  };
  let previousWasBlock = false;
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (value instanceof Nested || isNestedList(value)) {
      flush();
      const list = value instanceof Nested ? [value] : (value as readonly Nested[]);
      for (const n of list) {
        if (out.length) out.push('');
        out.push(...printBlock({ type: name, labels: n.labels, body: n.body }, depth));
      }
      previousWasBlock = true;
      continue;
    }
    if (previousWasBlock) {
      out.push('');
      previousWasBlock = false;
    }
    const text = printExpr(value as Expr, depth);
    if (text.includes('\n')) {
      flush();
      out.push(`${pad}${key(name)} = ${text}`);
    } else {
      group.push([key(name), text]);
    }
  }
  flush();
  return out;
}

function isNestedList(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof Nested);
}

function key(name: string): string {
  return IDENT.test(name) ? name : JSON.stringify(name);
}

/** An expression; objects and long tuples span lines, indented to `depth`. */
export function printExpr(e: Expr, depth: number): string {
  if (e instanceof Raw) return e.code;
  if (e instanceof Call) return `${e.fn}(${e.args.map((a) => printExpr(a, depth)).join(', ')})`;
  if (e === null) return 'null';
  if (typeof e === 'string') return quote(e);
  if (typeof e === 'number' || typeof e === 'boolean') return String(e);
  if (Array.isArray(e)) {
    const items = (e as readonly Expr[]).map((x) => printExpr(x, depth + 1));
    const inline = `[${items.join(', ')}]`;
    if (!items.some((i) => i.includes('\n')) && inline.length <= 100) return inline;
    const pad = INDENT.repeat(depth + 1);
    return `[\n${items.map((i) => `${pad}${i},`).join('\n')}\n${INDENT.repeat(depth)}]`;
  }
  const entries = Object.entries(e as { [k: string]: Expr });
  if (!entries.length) return '{}';
  const lines = printBody(Object.fromEntries(entries), depth + 1);
  return `{\n${lines.join('\n')}\n${INDENT.repeat(depth)}}`;
}

/** A quoted HCL string; `${` and `%{` stay literal (escaped), so values never interpolate by accident. */
export function quote(s: string): string {
  const body = JSON.stringify(s).slice(1, -1).replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
  return `"${body}"`;
}
