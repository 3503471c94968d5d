/** Replace [start, end) of a file's text with `text`. Inserts have start === end. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits to one file's text. Edits are applied back to front; an edit that overlaps
 * one already taken (or inserts at the same point) is skipped and returned, so a later
 * pass can redo it against the new text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const taken: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  let lastStart = -1;
  for (const e of sorted) {
    if (e.start < lastEnd || e.start === lastStart) {
      skipped.push(e);
      continue;
    }
    taken.push(e);
    lastEnd = e.end;
    lastStart = e.start;
  }
  let out = text;
  for (const e of [...taken].reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied: taken, skipped };
}

/** Offset of the end of the line holding `offset` (before its newline). */
export function endOfLine(text: string, offset: number): number {
  const n = text.indexOf('\n', offset);
  return n < 0 ? text.length : n > 0 && text[n - 1] === '\r' ? n - 1 : n;
}

export function startOfLine(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The leading whitespace of the line holding `offset`. */
export function indentOfLine(text: string, offset: number): string {
  const start = startOfLine(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}
