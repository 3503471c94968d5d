import { asObject } from '../../parse/k8s.js';
import { defineRule, each, NOTHING } from '../../rule.js';
import { at, hpaFor, isProd, minReplicas, replicated } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-020',
    slug: 'replicas-prod',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Single replica in production',
    rationale: 'One replica means every deploy, node drain or crash is an outage. (Sets whose environment is unknown are treated as production; dev and test overlays are exempt.)',
    fixHint: 'Run at least 2 replicas in production (`spec.replicas`, or an HPA with `minReplicas: 2`).',
    wellArchitected: ['REL10-BP01', 'REL11-BP02'],
    equivalents: { polaris: ['deploymentMissingReplicas'] },
  },
  check(set) {
    if (!isProd(set)) return NOTHING;
    return each(replicated(set), (obj) => {
      if (minReplicas(set, obj) >= 2) return null;
      const hpa = hpaFor(set, obj);
      if (hpa) return at(hpa, ['spec', 'minReplicas'], `HorizontalPodAutoscaler/${hpa.name} lets ${obj.kind}/${obj.name} scale down to 1 replica in ${set.label}`);
      const has = asObject(obj.body.spec)?.replicas !== undefined;
      return at(obj, has ? ['spec', 'replicas'] : ['spec'], `${obj.kind}/${obj.name} runs 1 replica in ${set.label}`);
    });
  },
});
