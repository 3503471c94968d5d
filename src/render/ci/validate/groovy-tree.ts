/**
 * Just enough Groovy for declarative Jenkinsfiles: a tokenizer that knows Groovy's strings
 * and comments, and a tree of statements `name args { body }`. Nothing is evaluated.
 */
export interface Statement {
  name: string;
  /** Tokens between the name and the body (or the end of the line). */
  args: Token[];
  body?: Statement[];
  line: number;
}

export interface Token {
  kind: 'ident' | 'string' | 'number' | 'punct' | 'newline';
  text: string;
  /** A string's value, escapes resolved. */
  value?: string;
  line: number;
}

export class GroovySyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
  }
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') {
      out.push({ kind: 'newline', text: '\n', line });
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (src.startsWith('//', i)) i = src.indexOf('\n', i) < 0 ? src.length : src.indexOf('\n', i);
    else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new GroovySyntaxError(line, 'unterminated comment');
      line += src.slice(i, end).split('\n').length - 1;
      i = end + 2;
    } else if (c === "'" || c === '"') {
      const quote = src.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + quote.length;
      let value = '';
      const start = line;
      for (;;) {
        if (j >= src.length) throw new GroovySyntaxError(start, 'unterminated string');
        if (src[j] === '\\') {
          const e = src[j + 1] ?? '';
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          j += 2;
        } else if (src.startsWith(quote, j)) break;
        else {
          if (src[j] === '\n') {
            if (quote.length === 1) throw new GroovySyntaxError(start, 'line break inside a one-line string');
            line++;
          }
          value += src[j];
          j++;
        }
      }
      out.push({ kind: 'string', text: src.slice(i, j + quote.length), value, line: start });
      i = j + quote.length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][\w$]*/.exec(src.slice(i))!;
      out.push({ kind: 'ident', text: m[0], line });
      i += m[0].length;
    } else if (/\d/.test(c)) {
      const m = /^\d+(\.\d+)?/.exec(src.slice(i))!;
      out.push({ kind: 'number', text: m[0], line });
      i += m[0].length;
    } else {
      out.push({ kind: 'punct', text: c, line });
      i++;
    }
  }
  return out;
}

/** Statements of a file; braces and parentheses must balance. */
export function parseStatements(tokens: Token[]): Statement[] {
  let pos = 0;
  const block = (closing: boolean): Statement[] => {
    const list: Statement[] = [];
    for (;;) {
      while (tokens[pos]?.kind === 'newline' || tokens[pos]?.text === ';') pos++;
      const t = tokens[pos];
      if (!t) {
        if (closing) throw new GroovySyntaxError(tokens.at(-1)?.line ?? 1, 'missing }');
        return list;
      }
      if (t.text === '}' && t.kind === 'punct') {
        if (!closing) throw new GroovySyntaxError(t.line, 'unexpected }');
        pos++;
        return list;
      }
      if (t.kind !== 'ident') throw new GroovySyntaxError(t.line, `a statement cannot start with ${t.text}`);
      pos++;
      const args: Token[] = [];
      let depth = 0;
      let body: Statement[] | undefined;
      for (;;) {
        const a = tokens[pos];
        if (!a) break;
        if (a.kind === 'punct' && (a.text === '(' || a.text === '[')) depth++;
        if (a.kind === 'punct' && (a.text === ')' || a.text === ']')) {
          depth--;
          if (depth < 0) throw new GroovySyntaxError(a.line, `unexpected ${a.text}`);
        }
        if (depth === 0 && a.kind === 'punct' && a.text === '{') {
          pos++;
          body = block(true);
          break;
        }
        if (depth === 0 && ((a.kind === 'punct' && a.text === '}') || a.kind === 'newline' || a.text === ';')) break;
        args.push(a);
        pos++;
      }
      if (depth > 0) throw new GroovySyntaxError(t.line, 'unclosed (');
      list.push({ name: t.text, args, ...(body ? { body } : {}), line: t.line });
    }
  };
  return block(false);
}
