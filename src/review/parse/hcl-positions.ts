/**
 * Recovers where things are written in an HCL file. @cdktf/hcl2json gives values but no
 * positions; this scanner walks the same text and records, for every block and attribute,
 * its line/column and the offsets a text edit needs (value range, braces). It understands
 * strings with `${}` templates, heredocs and the three comment styles; expressions stay opaque.
 */
export interface HclAttr {
  name: string;
  line: number;
  column: number;
  /** Offsets of the value expression (after `=`, trimmed). */
  valueStart: number;
  valueEnd: number;
}

export interface HclBlock {
  type: string;
  labels: string[];
  line: number;
  column: number;
  /** Offset of the block type identifier. */
  start: number;
  /** Offsets of `{` and `}`. */
  open: number;
  close: number;
  attrs: Map<string, HclAttr>;
  blocks: HclBlock[];
}

export class HclScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function scanHcl(text: string): HclBlock {
  const s = new Scanner(text);
  const root: HclBlock = { type: '', labels: [], line: 1, column: 1, start: 0, open: -1, close: text.length, attrs: new Map(), blocks: [] };
  s.body(root, false);
  return root;
}

class Scanner {
  private i = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly t: string) {}

  body(block: HclBlock, nested: boolean): void {
    for (;;) {
      this.skipSpace(true);
      if (this.i >= this.t.length) {
        if (nested) throw new HclScanError('unclosed block', block.open);
        return;
      }
      const c = this.t[this.i]!;
      if (c === '}') {
        if (!nested) throw new HclScanError('unexpected "}"', this.i);
        block.close = this.i++;
        return;
      }
      const start = this.i;
      const line = this.line;
      const column = this.i - this.lineStart + 1;
      const name = this.ident();
      if (!name) throw new HclScanError(`unexpected "${c}"`, this.i);
      this.skipSpace(false);
      if (this.t[this.i] === '=' && this.t[this.i + 1] !== '=') {
        this.i++;
        this.skipSpace(false);
        const valueStart = this.i;
        const valueEnd = this.expression();
        block.attrs.set(name, { name, line, column, valueStart, valueEnd });
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.skipSpace(false);
        const ch = this.t[this.i];
        if (ch === '"') labels.push(this.stringLiteral());
        else if (ch === '{') break;
        else {
          const id = this.ident();
          if (!id) throw new HclScanError(`expected "{" or "=" after "${name}"`, this.i);
          labels.push(id);
        }
      }
      const child: HclBlock = { type: name, labels, line, column, start, open: this.i, close: -1, attrs: new Map(), blocks: [] };
      this.i++;
      this.body(child, true);
      block.blocks.push(child);
    }
  }

  /** Scans an expression up to the end of its line (or a closing `}` of a one-line block). */
  private expression(): number {
    let depth = 0;
    let end = this.i;
    while (this.i < this.t.length) {
      const c = this.t[this.i]!;
      if (c === '\n') {
        if (depth === 0) return end;
        this.newline();
        continue;
      }
      if (c === '#' || (c === '/' && this.t[this.i + 1] === '/')) {
        this.skipLineComment();
        continue;
      }
      if (c === '/' && this.t[this.i + 1] === '*') {
        this.skipBlockComment();
        continue;
      }
      if (c === '"') {
        this.stringLiteral();
        end = this.i;
        continue;
      }
      if (c === '<' && this.t[this.i + 1] === '<' && /[-A-Za-z_]/.test(this.t[this.i + 2] ?? '')) {
        this.heredoc();
        end = this.i;
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return end;
        depth--;
      }
      this.i++;
      if (!/\s/.test(c)) end = this.i;
    }
    return end;
  }

  private stringLiteral(): string {
    const open = this.i++;
    let out = '';
    while (this.i < this.t.length) {
      const c = this.t[this.i]!;
      if (c === '\\') {
        out += this.t.slice(this.i, this.i + 2);
        this.i += 2;
      } else if (c === '"') {
        this.i++;
        return out;
      } else if ((c === '$' || c === '%') && this.t[this.i + 1] === '{') {
        const from = this.i;
        this.i += 2;
        this.templateExpr();
        out += this.t.slice(from, this.i);
      } else if (c === '\n') {
        throw new HclScanError('unterminated string', open);
      } else {
        out += c;
        this.i++;
      }
    }
    throw new HclScanError('unterminated string', open);
  }

  private templateExpr(): void {
    let depth = 0;
    while (this.i < this.t.length) {
      const c = this.t[this.i]!;
      if (c === '"') {
        this.stringLiteral();
        continue;
      }
      if (c === '\n') this.newline();
      else if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) {
          this.i++;
          return;
        }
        depth--;
      }
      if (c !== '\n') this.i++;
    }
  }

  private heredoc(): void {
    const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)/.exec(this.t.slice(this.i, this.i + 100));
    if (!m) {
      this.i += 2;
      return;
    }
    const marker = m[1]!;
    const open = this.i;
    this.i += m[0].length;
    while (this.i < this.t.length) {
      if (this.t[this.i] === '\n') {
        this.newline();
        const eol = this.t.indexOf('\n', this.i);
        const lineText = this.t.slice(this.i, eol < 0 ? this.t.length : eol);
        if (lineText.trim() === marker) {
          this.i += lineText.length;
          return;
        }
      } else this.i++;
    }
    throw new HclScanError(`unterminated heredoc <<${marker}`, open);
  }

  private ident(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.t.slice(this.i, this.i + 200));
    if (!m) return '';
    this.i += m[0].length;
    return m[0];
  }

  private skipSpace(newlines: boolean): void {
    while (this.i < this.t.length) {
      const c = this.t[this.i]!;
      if (c === '\n') {
        if (!newlines) return;
        this.newline();
      } else if (c === ' ' || c === '\t' || c === '\r') this.i++;
      else if (newlines && (c === '#' || (c === '/' && this.t[this.i + 1] === '/'))) this.skipLineComment();
      else if (c === '/' && this.t[this.i + 1] === '*') this.skipBlockComment();
      else return;
    }
  }

  private skipLineComment(): void {
    while (this.i < this.t.length && this.t[this.i] !== '\n') this.i++;
  }

  private skipBlockComment(): void {
    const end = this.t.indexOf('*/', this.i + 2);
    const stop = end < 0 ? this.t.length : end + 2;
    while (this.i < stop) {
      if (this.t[this.i] === '\n') this.newline();
      else this.i++;
    }
  }

  private newline(): void {
    this.i++;
    this.line++;
    this.lineStart = this.i;
  }
}
