/** A file's text with a line index, so offsets turn into 1-based line/column cheaply. */
export interface SourceText {
  path: string;
  text: string;
  /** Offset of the first character of each line. */
  lineStarts: number[];
}

export function sourceText(path: string, text: string): SourceText {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return { path, text, lineStarts };
}

export function positionAt(src: SourceText, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = src.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (src.lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - src.lineStarts[lo]! + 1 };
}

/** The text of a 1-based line, without its newline. */
export function lineText(src: SourceText, line: number): string {
  const start = src.lineStarts[line - 1];
  if (start === undefined) return '';
  const end = src.lineStarts[line] ?? src.text.length + 1;
  return src.text.slice(start, end - 1).replace(/\r$/, '');
}

export function lineCount(src: SourceText): number {
  return src.lineStarts.length;
}

/** A file that could not be parsed: becomes a `parse-error` finding, the review goes on. */
export interface ParseProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}
