import type { AppSpec } from '../../spec/app-spec.js';
import { environmentNames } from '../../spec/environments.js';
import type { RenderOptions, RenderResult, Renderer } from '../renderer.js';
import { baseFiles } from './base.js';
import { kustomization } from './kustomization.js';
import { K8S_DIR } from './names.js';
import { monitoringFiles } from './monitoring/files.js';
import { k8sOptions } from './options.js';
import { overlayFiles } from './overlay.js';
import { readmeFile } from './readme.js';
import { housePolicies } from './policy/kyverno.js';
import { yamlFile } from './serialize.js';
import { planWorkloads } from './workloads.js';

export { K8S_DIR } from './names.js';
export { planWorkloads, type Workload } from './workloads.js';

/**
 * App Spec → Kubernetes manifests: `deploy/k8s/base` (one file per component),
 * `overlays/<env>` per environment (namespace, replicas, config, ingress, images, backing
 * services) and `cluster/` (Kyverno policies, applied once per cluster). See docs/kubernetes.md.
 */
export const k8sRenderer: Renderer = {
  id: 'k8s',
  description: 'Kubernetes manifests: kustomize base, dev/test/prod overlays, Kyverno policies',
  render(spec: AppSpec, opts: RenderOptions): RenderResult {
    const options = k8sOptions(opts);
    const planned = planWorkloads(spec, 'k8s');
    const only = opts.components;
    const workloads = only?.length ? planned.workloads.filter((w) => only.includes(w.name)) : planned.workloads;
    const notes = [...planned.notes];
    const files = baseFiles(spec.name, workloads, options);
    if (options.prometheusRules) files.push(...monitoringFiles(spec.name, workloads));
    for (const env of environmentNames(spec)) files.push(...overlayFiles(spec.name, env, workloads, options, notes));
    files.push(
      { path: `${K8S_DIR}/cluster/kyverno-policies.yaml`, content: yamlFile(housePolicies(spec.name), `Kyverno policies enforcing the house rules in ${spec.name}'s namespaces`) },
      { path: `${K8S_DIR}/cluster/kustomization.yaml`, content: yamlFile([kustomization({ resources: ['kyverno-policies.yaml'] })], 'cluster-wide objects, applied once per cluster') },
    );
    files.push(readmeFile(spec.name, environmentNames(spec), workloads, options));
    if (!options.domain && workloads.some((w) => w.public)) {
      notes.push({ level: 'info', message: 'Ingress hosts use example.com', hint: `edit ${K8S_DIR}/overlays/<env>/ingress.yaml, or render with the domain option` });
    }
    return { files, notes };
  },
};
