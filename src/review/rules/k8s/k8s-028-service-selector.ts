import { asObject, podLabels, sameNamespace, selectorMatches, workloads, ofKind } from '../../parse/k8s.js';
import { defineRule, each, NOTHING } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-028',
    slug: 'service-selector',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'high',
    title: 'Service selects no pods',
    rationale: 'A Service whose selector matches no pod template has no endpoints: every request to it fails, usually noticed only in production.',
    fixHint: 'Make `spec.selector` match the pod template labels of the workload it fronts.',
    wellArchitected: ['REL08-BP02'],
    equivalents: { kubeScore: ['service-targets-pod'], kubeLinter: ['dangling-service'] },
  },
  check(set) {
    const pods = workloads(set);
    if (pods.length === 0) return NOTHING;
    const svcs = ofKind(set, 'Service').filter((o) => asObject(asObject(o.body.spec)?.selector));
    return each(svcs, (svc) => {
      const sel = asObject(asObject(svc.body.spec)?.selector) as Record<string, string>;
      return pods.some((p) => sameNamespace(p, svc) && selectorMatches(sel, podLabels(p))) ? null : at(svc, ['spec', 'selector'], `Service/${svc.name} selects no pods in ${set.label}`);
    });
  },
});
