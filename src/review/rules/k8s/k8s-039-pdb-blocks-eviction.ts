import { asObject, labelSelectorMatches, podLabels, sameNamespace, ofKind } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, minReplicas, replicated } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-039',
    slug: 'pdb-blocks-eviction',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'medium',
    title: 'PodDisruptionBudget allows no disruption',
    rationale: 'A PDB with maxUnavailable 0 (or minAvailable equal to the replicas) blocks every node drain: cluster upgrades and autoscaler scale-downs hang.',
    fixHint: 'Use `maxUnavailable: 1` (or a minAvailable below the replica count).',
    wellArchitected: ['REL11-BP02', 'OPS06-BP03'],
    equivalents: { kubeLinter: ['pdb-max-unavailable', 'pdb-min-available'] },
  },
  check(set) {
    const pdbs = ofKind(set, 'PodDisruptionBudget');
    return each(pdbs, (pdb) => {
      const spec = asObject(pdb.body.spec) ?? {};
      if (spec.maxUnavailable === 0 || spec.maxUnavailable === '0%') return at(pdb, ['spec', 'maxUnavailable'], `PodDisruptionBudget/${pdb.name} allows 0 unavailable pods`);
      if (spec.minAvailable === '100%') return at(pdb, ['spec', 'minAvailable'], `PodDisruptionBudget/${pdb.name} requires 100% of pods available`);
      if (typeof spec.minAvailable !== 'number') return null;
      const target = replicated(set).find((o) => sameNamespace(o, pdb) && labelSelectorMatches(asObject(spec.selector), podLabels(o)));
      if (target && spec.minAvailable >= minReplicas(set, target)) {
        return at(pdb, ['spec', 'minAvailable'], `PodDisruptionBudget/${pdb.name} requires ${spec.minAvailable} available pods but ${target.kind}/${target.name} runs ${minReplicas(set, target)}`);
      }
      return null;
    });
  },
});
