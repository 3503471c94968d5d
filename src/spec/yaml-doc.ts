import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** Finds the YAML node a zod issue path points at, or the closest existing ancestor. */
export function nodeAt(doc: Document, path: readonly PropertyKey[]): { node: Node | null; exact: boolean } {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (!pair) return { node: node as Node, exact: false };
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const next = node.items[key];
      if (!next) return { node: node as Node, exact: false };
      node = next;
    } else {
      return { node: (node as Node) ?? null, exact: false };
    }
  }
  return { node: (node as Node) ?? null, exact: true };
}

/** The key node of `key` inside the map at `path` (for "unknown key" messages). */
export function keyNodeAt(doc: Document, path: readonly PropertyKey[], key: string): Node | null {
  const { node, exact } = nodeAt(doc, path);
  if (!exact || !isMap(node)) return null;
  const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? pair.key : null;
}

export function lineOf(node: Node | null | undefined, counter: LineCounter): { line?: number; col?: number } {
  const offset = node?.range?.[0];
  if (offset === undefined) return {};
  const pos = counter.linePos(offset);
  return { line: pos.line, col: pos.col };
}
