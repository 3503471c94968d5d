import type { AppSpec } from '../../spec/app-spec.js';
import { parseSpec } from '../../spec/io.js';
import type { ParseProblem } from './source.js';
import { parseYamlFile, type YamlDoc } from './yaml.js';

/** slipway.yaml with its positions. */
export interface SpecDoc {
  doc: YamlDoc;
  spec: AppSpec;
}

export type SpecParse = { ok: true; doc: SpecDoc } | { ok: false; problem: ParseProblem };

export function parseSpecFile(path: string, text: string): SpecParse {
  const parsed = parseSpec(text, path);
  if (!parsed.ok) {
    const p = parsed.problems[0];
    const where = p?.key ? `${p.key}: ` : '';
    return {
      ok: false,
      problem: { file: path, line: p?.line ?? 1, column: p?.col ?? 1, message: `invalid slipway.yaml: ${where}${p?.message ?? 'unreadable'}` },
    };
  }
  const file = parseYamlFile(path, text);
  const doc = file.docs[0];
  if (!doc) return { ok: false, problem: { file: path, line: 1, column: 1, message: 'invalid slipway.yaml: empty' } };
  return { ok: true, doc: { doc, spec: parsed.spec } };
}
