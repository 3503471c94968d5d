import { workloads } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, selecting } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-026',
    slug: 'network-policy',
    target: 'k8s',
    pillar: 'security',
    severity: 'medium',
    title: 'Pods not covered by a NetworkPolicy',
    rationale: 'Pods no NetworkPolicy selects accept traffic from every pod in the cluster: one compromised workload can reach all the others and their databases.',
    fixHint: 'Add a NetworkPolicy selecting the pods that allows ingress only from what should call them (a default-deny policy with `podSelector: {}` covers the namespace).',
    wellArchitected: ['SEC05-BP01', 'SEC05-BP02'],
    equivalents: { kubeScore: ['pod-networkpolicy'], polaris: ['missingNetworkPolicy'] },
  },
  check(set) {
    return each(workloads(set), (obj) =>
      selecting(set, obj, 'NetworkPolicy', ['spec', 'podSelector']).length ? null : at(obj, [], `no NetworkPolicy selects the pods of ${obj.kind}/${obj.name}`),
    );
  },
});
