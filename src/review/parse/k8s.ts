import type { Location } from '../model.js';
import type { Environment } from './terraform-module.js';
import { locate, yamlLocation, type PathSeg, type YamlDoc, type YamlPath } from './yaml.js';

export type Json = Record<string, unknown>;

/** One Kubernetes object, with the document that declares it (for positions and fixes). */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | undefined;
  body: Json;
  /** The document in the repository that declares the object. */
  doc: YamlDoc;
  /** Kustomize patches that change the object: searched first when locating a field. */
  patches: YamlDoc[];
}

/** Objects reviewed together: one kustomize build, or the plain manifests of a repository. */
export interface K8sSet {
  /** What produced the set: an overlay directory, or "manifests". */
  label: string;
  env: Environment | undefined;
  objects: K8sObject[];
}

export function asObject(v: unknown): Json | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A parsed YAML document that is a Kubernetes object (apiVersion and kind are strings). */
export function toK8sObject(doc: YamlDoc): K8sObject | undefined {
  const v = asObject(doc.value);
  if (!v || typeof v.apiVersion !== 'string' || typeof v.kind !== 'string') return undefined;
  const meta = asObject(v.metadata) ?? {};
  return {
    apiVersion: v.apiVersion,
    kind: v.kind,
    name: typeof meta.name === 'string' ? meta.name : '',
    namespace: typeof meta.namespace === 'string' ? meta.namespace : undefined,
    body: v,
    doc,
    patches: [],
  };
}

export function labelsOf(obj: Json | undefined): Record<string, string> {
  return (asObject(asObject(obj?.metadata)?.labels) ?? {}) as Record<string, string>;
}

export function annotationsOf(obj: Json | undefined): Record<string, string> {
  return (asObject(asObject(obj?.metadata)?.annotations) ?? {}) as Record<string, string>;
}

const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Path of the pod spec inside a workload, or undefined for objects that run no pods. */
export function podSpecPath(obj: K8sObject): string[] | undefined {
  return POD_SPEC_PATHS[obj.kind];
}

export function podSpec(obj: K8sObject): Json | undefined {
  const path = podSpecPath(obj);
  return path ? asObject(dig(obj.body, path)) : undefined;
}

/** Labels on the pods a workload creates. */
export function podLabels(obj: K8sObject): Record<string, string> {
  if (obj.kind === 'Pod') return labelsOf(obj.body);
  const path = podSpecPath(obj);
  if (!path) return {};
  return labelsOf(asObject(dig(obj.body, path.slice(0, -1))));
}

export function dig(v: unknown, path: readonly PathSeg[]): unknown {
  let cur = v;
  for (const seg of path) {
    if (typeof seg === 'object') cur = asArray(cur).find((x) => asObject(x)?.name === seg.name);
    else if (typeof seg === 'number') cur = asArray(cur)[seg];
    else cur = asObject(cur)?.[seg];
    if (cur === undefined) return undefined;
  }
  return cur;
}

const KIND_INDEX = new WeakMap<K8sSet, Map<string, K8sObject[]>>();

/** Objects of one kind in a set (indexed once per set: rules ask for the same kinds again and again). */
export function ofKind(set: K8sSet, kind: string): K8sObject[] {
  let index = KIND_INDEX.get(set);
  if (!index) {
    index = new Map();
    for (const o of set.objects) {
      const list = index.get(o.kind);
      if (list) list.push(o);
      else index.set(o.kind, [o]);
    }
    KIND_INDEX.set(set, index);
  }
  return index.get(kind) ?? [];
}

export function workloads(set: K8sSet): K8sObject[] {
  return Object.keys(POD_SPEC_PATHS).flatMap((k) => ofKind(set, k));
}

/** Long-running workloads (not Jobs, CronJobs or bare Pods). */
export function services(set: K8sSet): K8sObject[] {
  return set.objects.filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind));
}

export interface ContainerRef {
  obj: K8sObject;
  container: Json;
  name: string;
  /** Path to the container, selecting it by name. */
  path: YamlPath;
  init: boolean;
}

const CONTAINERS = new WeakMap<K8sSet, { init?: readonly ContainerRef[]; main?: readonly ContainerRef[] }>();

/** Containers of a set's workloads (listed once per set and variant: most k8s rules walk them). */
export function containers(set: K8sSet, opts: { init?: boolean } = {}): readonly ContainerRef[] {
  let cache = CONTAINERS.get(set);
  if (!cache) CONTAINERS.set(set, (cache = {}));
  const key = opts.init ? 'init' : 'main';
  return (cache[key] ??= workloads(set).flatMap((obj) => containersOf(obj, opts)));
}

export function containersOf(obj: K8sObject, opts: { init?: boolean } = {}): ContainerRef[] {
  const base = podSpecPath(obj);
  const spec = podSpec(obj);
  if (!base || !spec) return [];
  const out: ContainerRef[] = [];
  for (const key of opts.init ? ['initContainers', 'containers'] : ['containers']) {
    asArray(spec[key]).forEach((c, i) => {
      const container = asObject(c);
      if (!container) return;
      const name = typeof container.name === 'string' ? container.name : String(i);
      const sel: PathSeg = typeof container.name === 'string' ? { name } : i;
      out.push({ obj, container, name, path: [...base, key, sel], init: key === 'initContainers' });
    });
  }
  return out;
}

/**
 * Where a field of an object is written: a kustomize patch that sets it, else the object's
 * own document (the deepest existing part of the path).
 */
export function k8sLocation(obj: K8sObject, path: YamlPath = []): Location {
  const patch = obj.patches.find((p) => locate(p, path).exact);
  return yamlLocation({ doc: patch ?? obj.doc }, path);
}

/** "Deployment/web" (namespace left out: sets are reviewed per namespace anyway). */
export function ref(obj: K8sObject): string {
  return `${obj.kind}/${obj.name}`;
}

export function selectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

/** matchLabels plus simple matchExpressions (In, NotIn, Exists, DoesNotExist). */
export function labelSelectorMatches(selector: Json | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const ml = (asObject(selector.matchLabels) ?? {}) as Record<string, string>;
  const exprs = asArray(selector.matchExpressions).map(asObject).filter((x): x is Json => !!x);
  if (Object.keys(ml).length === 0 && exprs.length === 0) return true;
  if (!Object.entries(ml).every(([k, v]) => labels[k] === v)) return false;
  return exprs.every((e) => {
    const key = String(e.key);
    const values = asArray(e.values).map(String);
    switch (e.operator) {
      case 'In': return key in labels && values.includes(labels[key]!);
      case 'NotIn': return !(key in labels) || !values.includes(labels[key]!);
      case 'Exists': return key in labels;
      case 'DoesNotExist': return !(key in labels);
      default: return false;
    }
  });
}

/** Same namespace, treating "no namespace" as the same unnamed namespace. */
export function sameNamespace(a: K8sObject, b: K8sObject): boolean {
  return (a.namespace ?? '') === (b.namespace ?? '');
}
