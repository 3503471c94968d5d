import { isMap, isSeq, type Node } from 'yaml';
import type { ParseProblem, SourceText } from '../parse/source.js';
import { positionAt } from '../parse/source.js';
import { parseYamlFile } from '../parse/yaml.js';

export const SUPPRESSIONS_FILE = 'slipway.suppressions.yaml';

/** One entry of slipway.suppressions.yaml. */
export interface FileSuppression {
  ids: string[];
  /** picomatch globs; empty = every file. */
  paths: string[];
  reason: string | undefined;
  /** YYYY-MM-DD, inclusive: the suppression holds through that day. */
  expires: string | undefined;
  line: number;
  column: number;
}

/**
 * Reads slipway.suppressions.yaml:
 *
 *   suppressions:
 *     - rule: SLW-K8S-012            # or rules: [SLW-K8S-012, SLW-K8S-013]
 *       paths: ["k8s/legacy/**"]     # optional
 *       reason: vendor chart, tracked in OPS-142
 *       expires: 2026-06-30          # optional
 */
export function parseSuppressionsFile(src: SourceText): { entries: FileSuppression[]; problems: ParseProblem[] } {
  const file = parseYamlFile(src);
  const problems: ParseProblem[] = [...file.problems];
  const entries: FileSuppression[] = [];
  const root = file.docs[0]?.doc.contents;
  const list = isMap(root) ? root.get('suppressions', true) : undefined;
  if (!isSeq(list)) {
    if (file.docs.length) problems.push({ file: src.path, line: 1, column: 1, message: 'expected a `suppressions:` list' });
    return { entries, problems };
  }
  for (const item of list.items) {
    const at = positionAt(src, (item as Node).range?.[0] ?? 0);
    const v = (item as Node & { toJSON(): unknown }).toJSON() as Record<string, unknown> | null;
    const ids = [v?.rule, ...(Array.isArray(v?.rules) ? v.rules : [])].filter((x): x is string => typeof x === 'string');
    if (!v || ids.length === 0) {
      problems.push({ file: src.path, ...at, message: 'a suppression needs `rule:` (or `rules:`)' });
      continue;
    }
    const expires = v.expires instanceof Date ? v.expires.toISOString().slice(0, 10) : v.expires === undefined ? undefined : String(v.expires);
    if (expires !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(expires)) {
      problems.push({ file: src.path, ...at, message: `expires must be a date (YYYY-MM-DD), not "${expires}"` });
      continue;
    }
    const paths = Array.isArray(v.paths) ? v.paths.map(String) : typeof v.path === 'string' ? [v.path] : [];
    entries.push({ ids, paths, reason: typeof v.reason === 'string' && v.reason.trim() ? v.reason.trim() : undefined, expires, ...at });
  }
  return { entries, problems };
}
