import type { Workload } from './workloads.js';

/** Where the k8s renderer writes, relative to the repository root. */
export const K8S_DIR = 'deploy/k8s';

export type EnvProfile = 'dev' | 'test' | 'prod';

/** Sizing and backing-service profile of an environment: prod, dev, or test for anything else. */
export function envProfile(env: string): EnvProfile {
  return env === 'prod' || env === 'dev' ? env : 'test';
}

export const namespaceName = (app: string, env: string) => `${app}-${env}`;
/**
 * The image name, as the docker renderer names it (src/render/docker/layout.ts): the
 * manifests use it, each overlay maps it to `<registry>/<image>` and the pipeline's tag,
 * and Terraform names the ECR repository the same.
 */
export const imageName = (app: string, component: string) => (app === component ? component : `${app}-${component}`);
export const configMapName = (w: Workload) => `${w.name}-config`;
export const secretName = (w: Workload) => `${w.name}-secrets`;
/** Secret holding a backing service's connection (`url`, `password`). */
export const serviceSecretName = (app: string, type: string) => `${app}-${type}`;
/** Ingress TLS secret, issued by cert-manager or uploaded by the team. */
export const tlsSecretName = (w: Workload) => `${w.name}-tls`;

export function selectorLabels(app: string, w: { name: string }): Record<string, string> {
  return { 'app.kubernetes.io/name': w.name, 'app.kubernetes.io/part-of': app };
}

export function workloadLabels(app: string, w: Workload): Record<string, string> {
  return { ...selectorLabels(app, w), 'app.kubernetes.io/component': w.kind, 'app.kubernetes.io/managed-by': 'slipway' };
}

/** Selects every pod of the app, components and dev backing services alike. */
export function partOf(app: string): Record<string, string> {
  return { 'app.kubernetes.io/part-of': app };
}

export function appLabels(app: string): Record<string, string> {
  return { 'app.kubernetes.io/part-of': app, 'app.kubernetes.io/managed-by': 'slipway' };
}
