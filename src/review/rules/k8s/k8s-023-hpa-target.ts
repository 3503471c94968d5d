import { asObject, workloads, ofKind } from '../../parse/k8s.js';
import { defineRule, each, NOTHING } from '../../rule.js';
import { at, scaleTarget } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-023',
    slug: 'hpa-target',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'high',
    title: 'Autoscaler targets a workload that does not exist',
    rationale: 'An HPA whose scaleTargetRef names nothing scales nothing: the service runs at its static replica count while everyone believes it autoscales.',
    fixHint: 'Fix `scaleTargetRef` (apiVersion, kind and name) to name the Deployment or StatefulSet.',
    wellArchitected: ['REL07-BP01', 'PERF02-BP05'],
    equivalents: { kubeScore: ['horizontalpodautoscaler-has-target'] },
  },
  check(set) {
    if (workloads(set).length === 0) return NOTHING;
    return each(ofKind(set, 'HorizontalPodAutoscaler'), (h) => {
      if (scaleTarget(set, h)) return null;
      const ref = asObject(asObject(h.body.spec)?.scaleTargetRef) ?? {};
      return at(h, ['spec', 'scaleTargetRef'], `HorizontalPodAutoscaler/${h.name} targets ${String(ref.kind)}/${String(ref.name)}, which is not in ${set.label}`);
    });
  },
});
