import type { AppSpec } from '../../../spec/app-spec.js';
import type { Component } from '../../../spec/component.js';
import { yamlEnsure } from '../../fix/yaml-edit.js';
import type { TextEdit } from '../../fix/text-edit.js';
import {
  annotationsOf, ofKind, asArray, asObject, k8sLocation, labelSelectorMatches, podLabels, podSpec, podSpecPath, sameNamespace, toK8sObject,
  type ContainerRef, type Json, type K8sObject, type K8sSet,
} from '../../parse/k8s.js';
import type { YamlPath } from '../../parse/yaml.js';
import type { Draft } from '../../rule.js';

/** A violation on an object (annotations travel along for `slipway.dev/ignore`). */
export function at(obj: K8sObject, path: YamlPath, message: string, fix?: () => TextEdit[]): Draft {
  return { location: k8sLocation(obj, path), message, annotations: annotationsOf(obj.body), ...(fix && editable(obj) ? { fix } : {}) };
}

/** Fixes go to the document that declares the object; never to a kustomization it fell back to. */
export function editable(obj: K8sObject): boolean {
  const declared = toK8sObject(obj.doc);
  return !!declared && declared.kind === obj.kind;
}

/** A fix that adds what is missing of `value` at `path` in the object's own document. */
export function ensure(obj: K8sObject, path: YamlPath, value: Record<string, unknown>): () => TextEdit[] {
  return () => yamlEnsure(obj.doc, path, value);
}

export function podSecurityContext(obj: K8sObject): Json {
  return asObject(podSpec(obj)?.securityContext) ?? {};
}

export function containerSecurityContext(c: ContainerRef): Json {
  return asObject(c.container.securityContext) ?? {};
}

/** A securityContext field as Kubernetes resolves it: the container's, else the pod's. */
export function effectiveSecurity(c: ContainerRef, key: string): unknown {
  const own = containerSecurityContext(c)[key];
  return own !== undefined ? own : podSecurityContext(c.obj)[key];
}

export function podSpecPathOf(obj: K8sObject): string[] {
  return podSpecPath(obj) ?? ['spec'];
}

/** Production rules apply to sets known to be prod, and to sets whose environment is unknown. */
export function isProd(set: K8sSet): boolean {
  return set.env !== 'nonprod';
}

export function hpaFor(set: K8sSet, obj: K8sObject): K8sObject | undefined {
  return ofKind(set, 'HorizontalPodAutoscaler').find((h) => {
    if (!sameNamespace(h, obj)) return false;
    const ref = asObject(asObject(h.body.spec)?.scaleTargetRef);
    return ref?.kind === obj.kind && ref?.name === obj.name;
  });
}

/** Deployments and StatefulSets: the workloads whose replica count the manifest sets. */
export function replicated(set: K8sSet): K8sObject[] {
  return set.objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
}

/** The object an HPA's scaleTargetRef names, when it is in the set. */
export function scaleTarget(set: K8sSet, hpa: K8sObject): K8sObject | undefined {
  const ref = asObject(asObject(hpa.body.spec)?.scaleTargetRef);
  return typeof ref?.kind === 'string' ? ofKind(set, ref.kind).find((o) => o.name === ref.name && sameNamespace(o, hpa)) : undefined;
}

/** Replicas a workload runs with: the HPA's minimum when one scales it, else spec.replicas (default 1). */
export function minReplicas(set: K8sSet, obj: K8sObject): number {
  const hpa = hpaFor(set, obj);
  if (hpa) return Number(asObject(hpa.body.spec)?.minReplicas ?? 1);
  const r = asObject(obj.body.spec)?.replicas;
  return typeof r === 'number' ? r : 1;
}

/** Objects of a kind in the workload's namespace whose selector picks its pods. */
export function selecting(set: K8sSet, obj: K8sObject, kind: string, selectorPath: string[]): K8sObject[] {
  const labels = podLabels(obj);
  return ofKind(set, kind).filter((o) => {
    if (!sameNamespace(o, obj)) return false;
    let sel: unknown = o.body;
    for (const k of selectorPath) sel = asObject(sel)?.[k];
    return labelSelectorMatches(asObject(sel), labels);
  });
}

/** The slipway.yaml component a workload or container belongs to (matched by name). */
export function componentFor(spec: AppSpec | undefined, ...names: string[]): Component | undefined {
  return spec?.components.find((c) => names.some((n) => n === c.name || n.endsWith(`-${c.name}`)));
}

export function containerPorts(c: ContainerRef): { name?: string; port: number }[] {
  return asArray(c.container.ports)
    .map(asObject)
    .filter((p): p is Json => !!p && typeof p.containerPort === 'number')
    .map((p) => ({ ...(typeof p.name === 'string' ? { name: p.name } : {}), port: p.containerPort as number }));
}

export function probe(c: ContainerRef, kind: 'readinessProbe' | 'livenessProbe' | 'startupProbe'): Json | undefined {
  return asObject(c.container[kind]);
}

/** A probe for a fix: the component's health path over HTTP, else a TCP check on the first port. */
export function defaultProbe(spec: AppSpec | undefined, c: ContainerRef, kind: 'readiness' | 'liveness'): Record<string, unknown> | undefined {
  const ports = containerPorts(c);
  const first = ports[0];
  if (!first) return undefined;
  const component = componentFor(spec, c.name, c.obj.name);
  const port = first.name ?? first.port;
  const check = component?.healthcheck ? { httpGet: { path: component.healthcheck, port } } : { tcpSocket: { port } };
  return kind === 'readiness'
    ? { ...check, periodSeconds: 5, failureThreshold: 3 }
    : { ...check, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 6 };
}
