import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, LineCounter, parseDocument } from 'yaml';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { AppSpec } from './app-spec.js';
import { formatKey, type SpecProblem } from './errors.js';
import { keyNodeAt, lineOf, nodeAt } from './yaml-doc.js';

export const SPEC_FILE = 'slipway.yaml';
const MAX_SPEC_BYTES = 2 * 1024 * 1024;

export type ParsedSpec =
  | { ok: true; spec: AppSpec; doc: Document.Parsed; lines: LineCounter; file: string }
  | { ok: false; problems: SpecProblem[]; file: string };

/** Parses and validates slipway.yaml text; every problem names its line. */
export function parseSpec(text: string, file: string = SPEC_FILE): ParsedSpec {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      file,
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0].line,
        col: e.linePos?.[0].col,
        key: '',
        message: `${e.message.split('\n')[0]} (fix the YAML syntax)`,
      })),
    };
  }
  const result = AppSpec.safeParse(doc.toJS() ?? {});
  if (result.success) return { ok: true, spec: result.data, doc, lines, file };
  const problems = result.error.issues.flatMap((issue): SpecProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        ...lineOf(keyNodeAt(doc, issue.path, key), lines),
        key: formatKey([...issue.path, key]),
        message: 'unknown key (check its spelling; see schema/slipway.schema.json for the keys that exist)',
      }));
    }
    const { node, exact } = nodeAt(doc, issue.path);
    const missing = !exact && issue.code === 'invalid_type' && issue.input === undefined;
    return [
      {
        file,
        ...lineOf(node, lines),
        key: formatKey(issue.path),
        message: missing ? 'is required' : issue.message,
      },
    ];
  });
  return { ok: false, file, problems };
}

/** Reads `<dir>/slipway.yaml`; `null` when there is none. */
export function loadSpec(dir: string): ParsedSpec | null {
  const file = join(dir, SPEC_FILE);
  if (!existsSync(file)) return null;
  const buf = readFileSync(file);
  if (buf.length > MAX_SPEC_BYTES) {
    return { ok: false, file, problems: [{ file, key: '', message: `is larger than ${MAX_SPEC_BYTES} bytes` }] };
  }
  return parseSpec(buf.toString('utf8'), file);
}

/** Writes slipway.yaml atomically. */
export function writeSpecText(dir: string, text: string): string {
  const file = join(dir, SPEC_FILE);
  writeFileAtomic(file, text);
  return file;
}
