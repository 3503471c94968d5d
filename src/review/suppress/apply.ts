import picomatch from 'picomatch';
import type { Finding, Suppression } from '../model.js';
import type { FileSuppression } from './file.js';
import type { InlineSuppression } from './inline.js';

export const IGNORE_ANNOTATION = 'slipway.dev/ignore';

export interface Suppressible {
  finding: Finding;
  annotations?: Record<string, string>;
}

export interface SuppressionSources {
  inline: InlineSuppression[];
  file: FileSuppression[];
  fileName: string;
  /** Today, YYYY-MM-DD: file suppressions expire after their date. */
  today: string;
}

/** The suppression covering a finding, if any (inline, then annotation, then file). */
export function findSuppression(s: Suppressible, src: SuppressionSources): Suppression | undefined {
  const { finding } = s;
  const loc = finding.location;
  for (const i of src.inline) {
    if (!i.reason || i.file !== loc.file || !i.ids.includes(finding.ruleId)) continue;
    if (i.appliesTo === 0 || i.appliesTo === loc.line) {
      return { by: 'inline', reason: i.reason, at: { file: i.file, line: i.line, column: i.column } };
    }
  }
  const ann = s.annotations?.[IGNORE_ANNOTATION];
  if (ann) {
    const [ids = '', reason] = ann.split(/\s+--\s*/, 2);
    if (reason?.trim() && ids.split(/[\s,]+/).includes(finding.ruleId)) {
      return { by: 'annotation', reason: reason.trim(), at: loc };
    }
  }
  for (const f of src.file) {
    if (!f.reason || !f.ids.includes(finding.ruleId) || (f.expires && f.expires < src.today)) continue;
    if (f.paths.length && !picomatch(f.paths, { dot: true })(loc.file)) continue;
    return {
      by: 'file',
      reason: f.reason,
      at: { file: src.fileName, line: f.line, column: f.column },
      ...(f.expires ? { expires: f.expires } : {}),
    };
  }
  return undefined;
}
