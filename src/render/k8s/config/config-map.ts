import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { appLabels, configMapName, workloadLabels } from '../names.js';
import type { Workload } from '../workloads.js';

/**
 * Non-secret settings of one environment: the spec's defaults. A required variable with no
 * default is left out, so the pod refuses to start until someone sets it here.
 */
export function configMap(app: string, w: Workload): IConfigMap {
  const data: Record<string, string> = {};
  for (const v of w.config) if (v.default !== undefined && v.name !== 'PORT') data[v.name] = v.default;
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: configMapName(w), labels: workloadLabels(app, w) }, data };
}

/** Required config without a value: what the team must fill in per environment. */
export function unsetRequiredConfig(w: Workload): string[] {
  return w.config.filter((v) => v.required && v.default === undefined && v.name !== 'PORT').map((v) => v.name);
}

/** One namespace per environment, held to the Pod Security "restricted" standard. */
export function namespace(app: string, name: string, env: string): INamespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: {
        ...appLabels(app),
        'slipway.dev/environment': env,
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'latest',
      },
    },
  };
}
