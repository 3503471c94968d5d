import type { AppSpec } from '../../spec/app-spec.js';
import { parseSpec } from '../../spec/io.js';
import type { ParseProblem, SourceText } from './source.js';
import type { YamlDoc } from './yaml.js';

/** slipway.yaml with its positions. */
export interface SpecDoc {
  doc: YamlDoc;
  spec: AppSpec;
}

export type SpecParse = { ok: true; doc: SpecDoc } | { ok: false; problem: ParseProblem };

export function parseSpecFile(source: SourceText): SpecParse {
  const parsed = parseSpec(source.text, source.path);
  if (!parsed.ok) {
    const p = parsed.problems[0];
    const where = p?.key ? `${p.key}: ` : '';
    return {
      ok: false,
      problem: { file: source.path, line: p?.line ?? 1, column: p?.col ?? 1, message: `invalid slipway.yaml: ${where}${p?.message ?? 'unreadable'}` },
    };
  }
  // parseSpec's document is the one (valid, single-document) YAML parse of the file: reuse it for positions.
  const { doc } = parsed;
  return { ok: true, doc: { doc: { index: 0, doc, value: doc.toJS({ maxAliasCount: 100 }) as unknown, source }, spec: parsed.spec } };
}
