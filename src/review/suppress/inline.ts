import { lineCount, lineText, type SourceText } from '../parse/source.js';

/** `# slipway:ignore SLW-K8S-012 -- reason` (or `//`), and `slipway:ignore-file` for a whole file. */
export interface InlineSuppression {
  ids: string[];
  reason: string | undefined;
  file: string;
  /** Where the comment is. */
  line: number;
  column: number;
  /** The line it covers; 0 for the whole file. */
  appliesTo: number;
}

const RE = /(#|\/\/)\s*slipway:ignore(-file)?\s+((?:SLW-[A-Z0-9]+-\d{3}|parse-error)(?:\s*,\s*(?:SLW-[A-Z0-9]+-\d{3}|parse-error))*)(?:\s+--\s*(.*?))?\s*$/;

export function findInlineSuppressions(src: SourceText): InlineSuppression[] {
  if (!src.text.includes('slipway:ignore')) return [];
  const out: InlineSuppression[] = [];
  const total = lineCount(src);
  for (let line = 1; line <= total; line++) {
    const text = lineText(src, line);
    const m = RE.exec(text);
    if (!m) continue;
    const ids = m[3]!.split(',').map((s) => s.trim());
    const reason = m[4]?.trim() || undefined;
    const column = m.index + 1;
    const alone = text.slice(0, m.index).trim() === '';
    let appliesTo = line;
    if (m[2]) appliesTo = 0;
    else if (alone) {
      appliesTo = line + 1;
      while (appliesTo <= total && /^\s*(#|\/\/|$)/.test(lineText(src, appliesTo))) appliesTo++;
    }
    out.push({ ids, reason, file: src.path, line, column, appliesTo });
  }
  return out;
}
