import { asArray, asObject, podSpec } from '../../parse/k8s.js';
import { defineRule, each, NOTHING } from '../../rule.js';
import { at, isProd, minReplicas, podSpecPathOf, replicated } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-022',
    slug: 'spread',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'low',
    title: 'Replicas not spread across nodes or zones',
    rationale: 'Without anti-affinity or topology spread the scheduler may put every replica on one node or zone; losing it loses the service.',
    fixHint: 'Add `topologySpreadConstraints` over `topology.kubernetes.io/zone` and `kubernetes.io/hostname` (or a preferred podAntiAffinity).',
    wellArchitected: ['REL10-BP01'],
    equivalents: { polaris: ['topologySpreadConstraint'], kubeScore: ['deployment-has-host-podantiaffinity'], kubeLinter: ['no-anti-affinity'] },
  },
  check(set) {
    if (!isProd(set)) return NOTHING;
    const multi = replicated(set).filter((o) => minReplicas(set, o) >= 2);
    return each(multi, (obj) => {
      const spec = podSpec(obj) ?? {};
      const spread = asArray(spec.topologySpreadConstraints).length > 0;
      const anti = asObject(asObject(spec.affinity)?.podAntiAffinity) !== undefined;
      return spread || anti ? null : at(obj, podSpecPathOf(obj), `the replicas of ${obj.kind}/${obj.name} may all land on one node`);
    });
  },
});
