import { defineRule, each, NOTHING } from '../../rule.js';
import { at, isProd, minReplicas, selecting, replicated } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-021',
    slug: 'pod-disruption-budget',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'medium',
    title: 'No PodDisruptionBudget',
    rationale: 'Without a PDB a node drain or cluster upgrade may evict every replica at once: the service goes down although it runs several pods.',
    fixHint: 'Add a PodDisruptionBudget selecting the pods with `maxUnavailable: 1` (or `minAvailable`).',
    wellArchitected: ['REL11-BP02', 'OPS06-BP03'],
    equivalents: { polaris: ['missingPodDisruptionBudget'], kubeScore: ['deployment-has-poddisruptionbudget'] },
  },
  check(set) {
    if (!isProd(set)) return NOTHING;
    const multi = replicated(set).filter((o) => minReplicas(set, o) >= 2);
    return each(multi, (obj) =>
      selecting(set, obj, 'PodDisruptionBudget', ['spec', 'selector']).length ? null : at(obj, [], `no PodDisruptionBudget covers ${obj.kind}/${obj.name} in ${set.label}`),
    );
  },
});
