import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseToml, TomlError } from 'smol-toml';
import { LineCounter, parseDocument } from 'yaml';
import type { RepoView } from '../repo.js';

export interface Parsed<T> {
  value: T;
  text: string;
}

/**
 * Manifest readers. Each returns null when the file is absent, and on a syntax error adds
 * a note naming the file and line (analysis goes on without that file, with lower confidence).
 */
export function readJson<T = Record<string, unknown>>(repo: RepoView, path: string): Parsed<T> | null {
  const text = repo.read(path);
  if (text === null) return null;
  try {
    return { value: JSON.parse(stripBom(text)) as T, text };
  } catch (err) {
    const at = jsonErrorLine(text, err as Error);
    malformed(repo, path, 'JSON', at, (err as Error).message);
    return null;
  }
}

export function readToml<T = Record<string, unknown>>(repo: RepoView, path: string): Parsed<T> | null {
  const text = repo.read(path);
  if (text === null) return null;
  try {
    return { value: parseToml(stripBom(text)) as T, text };
  } catch (err) {
    const line = err instanceof TomlError ? err.line : undefined;
    malformed(repo, path, 'TOML', line, (err as Error).message.split('\n')[0] ?? '');
    return null;
  }
}

export function readYaml<T = unknown>(repo: RepoView, path: string): Parsed<T> | null {
  const text = repo.read(path);
  if (text === null) return null;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    malformed(repo, path, 'YAML', first.linePos?.[0].line, first.message.split('\n')[0] ?? '');
    return null;
  }
  return { value: doc.toJS() as T, text };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: true });

export function readXml<T = Record<string, unknown>>(repo: RepoView, path: string): Parsed<T> | null {
  const text = repo.read(path);
  if (text === null) return null;
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    malformed(repo, path, 'XML', valid.err.line, valid.err.msg);
    return null;
  }
  return { value: xml.parse(text) as T, text };
}

/** 1-based line of the first match of `pattern` in `text`, searching from line `fromLine`. */
export function findLine(text: string, pattern: string | RegExp, fromLine = 1): number | undefined {
  const lines = text.split('\n');
  for (let i = fromLine - 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (typeof pattern === 'string' ? line.includes(pattern) : pattern.test(line)) return i + 1;
  }
  return undefined;
}

/** The trimmed text of a 1-based line, for evidence excerpts. */
export function lineText(text: string, line: number | undefined): string | undefined {
  if (!line) return undefined;
  const l = text.split('\n')[line - 1]?.trim();
  return l ? l.slice(0, 200) : undefined;
}

function malformed(repo: RepoView, file: string, kind: string, line: number | undefined, detail: string): void {
  repo.addNote({
    level: 'error',
    file,
    ...(line ? { line } : {}),
    message: `malformed ${kind}: ${detail.trim()}; analysis continues without it`,
    hint: `fix the ${kind} syntax in ${file}${line ? ` near line ${line}` : ''}`,
  });
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON.parse reports a position (Node 20) or a line and column (Node 22+): both become a line. */
function jsonErrorLine(text: string, err: Error): number | undefined {
  const lc = /line (\d+) column \d+/.exec(err.message);
  if (lc) return Number(lc[1]);
  const pos = /position (\d+)/.exec(err.message);
  if (pos) return text.slice(0, Number(pos[1])).split('\n').length;
  return undefined;
}
