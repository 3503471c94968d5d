import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair } from 'yaml';
import type { Location } from '../model.js';
import { positionAt, type ParseProblem, type SourceText } from './source.js';

/** One document of a (multi-document) YAML file, with its parsed nodes for positions. */
export interface YamlDoc {
  index: number;
  doc: Document.Parsed;
  value: unknown;
  source: SourceText;
}

export interface YamlFile {
  source: SourceText;
  docs: YamlDoc[];
  problems: ParseProblem[];
}

/**
 * Parses every document of a YAML file. A document with a syntax error becomes a problem
 * (file, line, column) and is left out; the file's other documents are still reviewed.
 */
export function parseYamlFile(source: SourceText): YamlFile {
  const { path, text } = source;
  const docs: YamlDoc[] = [];
  const problems: ParseProblem[] = [];
  let index = 0;
  for (const doc of parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true })) {
    const i = index++;
    const error = doc.errors[0];
    if (error) {
      const at = positionAt(source, error.pos[0]);
      problems.push({ file: path, ...at, message: `malformed YAML: ${error.message.split('\n')[0]}` });
      continue;
    }
    if (doc.contents === null) continue;
    docs.push({ index: i, doc, value: doc.toJS({ maxAliasCount: 100 }) as unknown, source });
  }
  return { source, docs, problems };
}

/** A step in a path: a map key, a sequence index, or the sequence item whose `name` is given. */
export type PathSeg = string | number | { name: string };
export type YamlPath = readonly PathSeg[];

export interface Located {
  line: number;
  column: number;
  /** The whole path exists; otherwise the position is that of its deepest existing part. */
  exact: boolean;
  node: Node | null;
  /** How many path segments were found. */
  depth: number;
}

/**
 * Where a path is written: the key of the deepest existing map entry (its line reads best
 * in a report), the sequence item, or the document start.
 */
export function locate(doc: YamlDoc, path: YamlPath): Located {
  let node: unknown = doc.doc.contents;
  let at: Node | null = (doc.doc.contents as Node | null) ?? null;
  let depth = 0;
  for (const seg of path) {
    const step = yamlChild(node, seg);
    if (!step) break;
    node = step.value;
    at = step.at;
    depth++;
  }
  const offset = at?.range?.[0] ?? 0;
  return { ...positionAt(doc.source, offset), exact: depth === path.length, node: (node as Node) ?? null, depth };
}

/** Where a path is written, as a report location (the document's file). */
export function yamlLocation(input: { doc: YamlDoc }, path: YamlPath): Location {
  const { line, column } = locate(input.doc, path);
  return { file: input.doc.source.path, line, column };
}

/** The node at `path`, or undefined. */
export function nodeAtPath(doc: YamlDoc, path: YamlPath): Node | undefined {
  const l = locate(doc, path);
  return l.exact ? (l.node ?? undefined) : undefined;
}

/** One step down a path: the value, where it is written (a map entry's key) and, for a map entry, its pair. */
export function yamlChild(node: unknown, seg: PathSeg): { value: unknown; at: Node; pair?: Pair } | undefined {
  if (typeof seg === 'string') {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
    if (!pair) return undefined;
    return { value: pair.value, at: pair.key as Node, pair: pair as Pair };
  }
  if (!isSeq(node)) return undefined;
  if (typeof seg === 'number') {
    const item = node.items[seg] as Node | undefined;
    return item ? { value: item, at: item } : undefined;
  }
  for (const item of node.items) {
    if (!isMap(item)) continue;
    const name = item.get('name');
    if (name === seg.name) return { value: item, at: item as Node };
  }
  return undefined;
}
