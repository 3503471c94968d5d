import type { RenderedFile } from '../../renderer.js';
import type { KustomizeComponent } from '../kustomization.js';
import { K8S_DIR } from '../names.js';
import { yamlFile } from '../serialize.js';
import type { Workload } from '../workloads.js';
import { prometheusRule } from './prometheus-rule.js';

/**
 * The PrometheusRules as a kustomize Component: overlays mix it in with `components:`, and
 * a cluster without the Prometheus operator (no PrometheusRule CRD) simply leaves it out.
 */
export function monitoringFiles(app: string, workloads: Workload[]): RenderedFile[] {
  const dir = `${K8S_DIR}/monitoring`;
  const component: KustomizeComponent = { apiVersion: 'kustomize.config.k8s.io/v1alpha1', kind: 'Component', resources: ['prometheus-rules.yaml'] };
  return [
    { path: `${dir}/prometheus-rules.yaml`, content: yamlFile(workloads.map((w) => prometheusRule(app, w)), `alerts per component of ${app}, for the Prometheus operator`) },
    { path: `${dir}/kustomization.yaml`, content: yamlFile([component], 'monitoring rules; remove `components:` from an overlay whose cluster has no Prometheus operator') },
  ];
}
