import { isMap, isScalar, isSeq, type Document, type LineCounter, type YAMLMap, type YAMLSeq } from 'yaml';
import type { AppSpec } from './app-spec.js';
import type { Component } from './component.js';
import type { FieldEvidence } from './evidence.js';
import { SPEC_FILE } from './io.js';
import { cleanComponent, compactEvidence } from './serialize.js';
import { lineOf } from './yaml-doc.js';

/**
 * Folds freshly inferred values into the user's slipway.yaml document, in place: values the
 * user wrote win, missing ones are added, comments stay; `evidence` is rewritten, and where
 * the user's value differs from the inference the user's line leads the evidence.
 */
export function mergeInferred(doc: Document, lines: LineCounter | undefined, inferred: AppSpec): void {
  if (!doc.has('version')) doc.set('version', inferred.version);
  if (!doc.has('name')) doc.set('name', inferred.name);
  let comps = doc.get('components', true);
  if (!isSeq(comps)) {
    doc.set('components', doc.createNode([]));
    comps = doc.get('components', true);
  }
  const seq = comps as YAMLSeq;
  for (const component of inferred.components) {
    const existing = seq.items.find(
      (item) => isMap(item) && (item.get('name') === component.name || item.get('path') === component.path),
    );
    if (isMap(existing)) mergeComponent(doc, existing, component, lines);
    else seq.add(doc.createNode(cleanComponent(component)));
  }
  for (const item of seq.items) if (isMap(item)) compactEvidence(item.get('evidence', true));
}

function mergeComponent(doc: Document, node: YAMLMap, inferred: Component, lines: LineCounter | undefined): void {
  const clean = cleanComponent(inferred);
  for (const [key, value] of Object.entries(clean)) {
    if (key === 'evidence' || key === 'env' || key === 'services') continue;
    if (key === 'commands' || key === 'scale' || key === 'hooks' || key === 'deploy') {
      for (const [sub, subValue] of Object.entries(value as Record<string, unknown>)) {
        if (!node.hasIn([key, sub])) node.setIn([key, sub], subValue);
      }
    } else if (!node.has(key)) {
      node.set(key, value);
    }
  }
  appendMissing(doc, node, 'env', 'name', (clean.env as Record<string, unknown>[] | undefined) ?? []);
  appendMissing(doc, node, 'services', 'type', inferred.services);
  const evidence = userLedEvidence(node, inferred.evidence ?? {}, lines);
  if (Object.keys(evidence).length > 0) node.set('evidence', doc.createNode(evidence));
}

function appendMissing(doc: Document, node: YAMLMap, key: string, id: string, items: readonly object[]): void {
  if (items.length === 0) return;
  if (!isSeq(node.get(key, true))) node.set(key, doc.createNode([]));
  const list = node.get(key, true) as unknown as YAMLSeq;
  for (const item of items) {
    const value = (item as Record<string, unknown>)[id];
    if (!list.items.some((n) => isMap(n) && n.get(id) === value)) list.add(doc.createNode(item));
  }
}

function userLedEvidence(
  node: YAMLMap,
  inferred: Record<string, FieldEvidence>,
  lines: LineCounter | undefined,
): Record<string, FieldEvidence> {
  const out: Record<string, FieldEvidence> = {};
  for (const [field, fe] of Object.entries(inferred)) {
    const path = field.split('.');
    if (path[0] === 'env' || path[0] === 'services') {
      out[field] = fe;
      continue;
    }
    const userNode = node.getIn(path, true);
    const userValue = isScalar(userNode) ? userNode.value : undefined;
    const inferredValue = fe.evidence[0]?.value;
    if (userValue === undefined || userValue === inferredValue) {
      out[field] = fe;
      continue;
    }
    const at = lines && isScalar(userNode) ? lineOf(userNode, lines) : {};
    out[field] = {
      confidence: 1,
      evidence: [{ source: 'user', file: SPEC_FILE, ...(at.line ? { line: at.line } : {}), value: userValue }, ...fe.evidence],
    };
  }
  return out;
}
