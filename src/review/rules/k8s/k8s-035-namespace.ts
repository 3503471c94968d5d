import { workloads } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-035',
    slug: 'namespace',
    target: 'k8s',
    pillar: 'operational-excellence',
    severity: 'low',
    title: 'Workload in the default namespace',
    rationale: 'Objects without a namespace land in `default` (or wherever kubectl points): quotas, NetworkPolicies and RBAC cannot separate apps and environments.',
    fixHint: 'Set `metadata.namespace` (kustomize: `namespace:` in the overlay).',
    wellArchitected: ['SEC01-BP01', 'OPS05-BP03'],
    equivalents: { checkov: ['CKV_K8S_21'], trivy: ['AVD-KSV-0110'] },
  },
  check(set) {
    return each(workloads(set), (o) => {
      if (o.namespace && o.namespace !== 'default') return null;
      return at(o, o.namespace ? ['metadata', 'namespace'] : ['metadata'], `${o.kind}/${o.name} ${o.namespace ? 'is in the default namespace' : 'names no namespace'}`);
    });
  },
});
