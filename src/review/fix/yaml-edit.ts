import { Document, isMap, isPair, isScalar, isSeq, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { nodeAtPath, yamlChild, type YamlDoc, type YamlPath } from '../parse/yaml.js';
import { positionAt } from '../parse/source.js';
import { endOfLine, type TextEdit } from './text-edit.js';

/**
 * Minimal YAML rewrites as text edits computed from the yaml library's node ranges: the rest
 * of the file (comments, quoting, blank lines, sequence style) is left exactly as written.
 */

/** Adds what is missing of `value` at `path`, creating parent maps; existing values win. */
export function yamlEnsure(doc: YamlDoc, path: YamlPath, value: Record<string, unknown>): TextEdit[] {
  let node: unknown = doc.doc.contents;
  let pair: Pair | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const next = yamlChild(node, seg);
    if (!next) {
      if (typeof seg !== 'string') return [];
      return insertInto(doc, node, pair, nest(path.slice(i) as string[], value));
    }
    node = next.value;
    pair = next.pair;
  }
  return ensureIn(doc, node, pair, value);
}

/** Replaces the scalar at `path` (which must exist) with `value`. */
export function yamlReplace(doc: YamlDoc, path: YamlPath, value: string | number | boolean): TextEdit[] {
  const node = nodeAtPath(doc, path);
  if (!isScalar(node) || !node.range) return [];
  return [{ file: doc.source.path, start: node.range[0], end: node.range[1], text: scalarText(value) }];
}

/** Appends an item to the sequence at `path` (which must exist). */
export function yamlAppend(doc: YamlDoc, path: YamlPath, item: unknown): TextEdit[] {
  const node = nodeAtPath(doc, path);
  if (!isSeq(node) || !node.range) return [];
  const seq = node as YAMLSeq;
  const text = doc.source.text;
  if (seq.flow || seq.items.length === 0) {
    return [{ file: doc.source.path, start: seq.range![0], end: seq.range![1], text: flowText([...(seq.toJSON() as unknown[]), item]) }];
  }
  const first = seq.items[0] as Node;
  const dash = text.lastIndexOf('-', first.range![0]);
  const indent = ' '.repeat(positionAt(doc.source, dash).column - 1);
  const last = seq.items[seq.items.length - 1] as Node;
  const at = endOfLine(text, Math.max(last.range![0], last.range![1] - 1));
  return [{ file: doc.source.path, start: at, end: at, text: `\n${indent}- ${stringify(item, { lineWidth: 0 }).trimEnd()}` }];
}

function ensureIn(doc: YamlDoc, node: unknown, pair: Pair | undefined, value: Record<string, unknown>): TextEdit[] {
  if (!isMap(node)) return isNull(node) ? insertInto(doc, node, pair, value) : [];
  const missing: Record<string, unknown> = {};
  const edits: TextEdit[] = [];
  for (const [k, v] of Object.entries(value)) {
    const next = yamlChild(node, k);
    if (!next) missing[k] = v;
    else if (isPlainObject(v)) edits.push(...ensureIn(doc, next.value, next.pair, v));
  }
  if (Object.keys(missing).length > 0) edits.push(...insertInto(doc, node, pair, missing));
  return edits;
}

/** Inserts entries into a map node (block, flow or null value of `pair`). */
function insertInto(doc: YamlDoc, node: unknown, pair: Pair | undefined, entries: Record<string, unknown>): TextEdit[] {
  const file = doc.source.path;
  const text = doc.source.text;
  if (isMap(node) && !node.flow && node.items.length > 0) {
    const map = node as YAMLMap;
    const firstKey = map.items[0]!.key as Node;
    const indent = ' '.repeat(positionAt(doc.source, firstKey.range![0]).column - 1);
    const last = map.items[map.items.length - 1]!;
    const end = Math.max((last.key as Node).range![1], ((last.value as Node | null)?.range?.[1] ?? 0) - 1);
    const at = endOfLine(text, end);
    return [{ file, start: at, end: at, text: `\n${block(entries, indent)}` }];
  }
  const keyNode = pair?.key as Node | undefined;
  const keyIndent = keyNode?.range ? positionAt(doc.source, keyNode.range[0]).column - 1 : -2;
  if (isMap(node) && node.range) {
    const merged = { ...(node.toJSON() as Record<string, unknown>), ...entries };
    if (node.items.length > 0 || !keyNode) return [{ file, start: node.range[0], end: node.range[1], text: flowText(merged) }];
    return [{ file, start: node.range[0], end: node.range[1], text: `\n${block(entries, ' '.repeat(keyIndent + 2))}` }];
  }
  if (isNull(node) && keyNode?.range) {
    const scalar = node as Node | null;
    const start = scalar?.range ? scalar.range[0] : endOfLine(text, keyNode.range[1]);
    const end = scalar?.range ? scalar.range[1] : start;
    return [{ file, start, end, text: `\n${block(entries, ' '.repeat(keyIndent + 2))}` }];
  }
  return [];
}

function nest(keys: string[], value: Record<string, unknown>): Record<string, unknown> {
  return keys.reduceRight<Record<string, unknown>>((acc, k) => ({ [k]: acc }), value);
}

function block(entries: Record<string, unknown>, indent: string): string {
  return stringify(entries, { lineWidth: 0, indent: 2 })
    .trimEnd()
    .split('\n')
    .map((l) => indent + l)
    .join('\n');
}

function flowText(value: unknown): string {
  const d = new Document(value);
  const setFlow = (n: unknown): void => {
    if (isMap(n) || isSeq(n)) {
      n.flow = true;
      n.items.forEach((i) => setFlow(isPair(i) ? i.value : i));
    }
  };
  setFlow(d.contents);
  return d.toString({ lineWidth: 0 }).trim();
}

function scalarText(v: string | number | boolean): string {
  return stringify(v, { lineWidth: 0 }).trim();
}

function isNull(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === ''));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
