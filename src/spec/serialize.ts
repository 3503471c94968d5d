import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import type { AppSpec } from './app-spec.js';
import type { Component } from './component.js';

export const SPEC_HEADER = [
  ' slipway.yaml: the App Spec (https://github.com/slipway-dev/slipway/blob/main/docs/app-spec.md)',
  ' Edit freely: your values win over what `slipway analyze` infers, and your comments stay.',
  ' `evidence` blocks are rewritten by `slipway analyze --write`; they explain each decision.',
].join('\n');
export const SCHEMA_MODELINE = 'yaml-language-server: $schema=https://raw.githubusercontent.com/slipway-dev/slipway/main/schema/slipway.schema.json';

/** Drops values equal to their defaults and empty collections, so the file stays short. */
export function cleanComponent(c: Component): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(c)) {
    if (value === undefined) continue;
    if (key === 'commands' && Object.keys(value as object).length === 0) continue;
    if ((key === 'env' || key === 'services') && (value as unknown[]).length === 0) continue;
    if (key === 'evidence') continue;
    out[key] = key === 'env' ? c.env.map(cleanEnvVar) : value;
  }
  if (c.evidence && Object.keys(c.evidence).length > 0) out.evidence = c.evidence;
  return out;
}

function cleanEnvVar(v: Component['env'][number]): Record<string, unknown> {
  const out: Record<string, unknown> = { name: v.name };
  if (v.required) out.required = true;
  if (v.secret) out.secret = true;
  if (v.default !== undefined) out.default = v.default;
  if (v.description !== undefined) out.description = v.description;
  return out;
}

export function cleanSpec(spec: AppSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { version: spec.version, name: spec.name };
  out.components = spec.components.map(cleanComponent);
  if (spec.environments) out.environments = spec.environments;
  if (spec.pipeline) out.pipeline = spec.pipeline;
  return out;
}

/** Evidence items are written one per line (flow style): readable, and easy to skip. */
export function compactEvidence(node: unknown): void {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const field = pair.value;
    if (!isMap(field)) continue;
    const list = (field as YAMLMap).get('evidence', true);
    if (isSeq(list)) for (const item of list.items) if (isMap(item)) item.flow = true;
  }
}

export function specToDocument(spec: AppSpec): Document {
  const doc = new Document(cleanSpec(spec));
  doc.commentBefore = `${SPEC_HEADER}\n ${SCHEMA_MODELINE}`;
  const comps = doc.get('components', true);
  if (isSeq(comps)) for (const c of comps.items) if (isMap(c)) compactEvidence(c.get('evidence', true));
  return doc;
}

export function specToYaml(spec: AppSpec): string {
  return specToDocument(spec).toString({ lineWidth: 0 });
}
