import { asObject, labelSelectorMatches, podLabels } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-027',
    slug: 'workload-selector',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'high',
    title: 'Workload selector does not match its pod template',
    rationale: 'A Deployment whose selector does not match its own template labels is rejected by the API server (apps/v1), or manages no pods at all.',
    fixHint: 'Make `spec.selector.matchLabels` a subset of `spec.template.metadata.labels`.',
    wellArchitected: ['REL08-BP02'],
    equivalents: { kubeLinter: ['mismatching-selector'] },
  },
  check(set) {
    const controllers = set.objects.filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(o.kind));
    return each(controllers, (obj) => {
      const selector = asObject(asObject(obj.body.spec)?.selector);
      if (!selector) return at(obj, ['spec'], `${obj.kind}/${obj.name} has no spec.selector`);
      return labelSelectorMatches(selector, podLabels(obj)) ? null : at(obj, ['spec', 'selector'], `the selector of ${obj.kind}/${obj.name} does not match its pod template labels`);
    });
  },
});
