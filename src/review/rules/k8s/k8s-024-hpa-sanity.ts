import { asArray, asObject, containersOf, ofKind } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, scaleTarget } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-024',
    slug: 'hpa-sanity',
    target: 'k8s',
    pillar: 'performance',
    severity: 'medium',
    title: 'Autoscaler cannot scale',
    rationale:
      'An HPA with minReplicas ≥ maxReplicas never scales, and one that scales on CPU utilisation of containers without a CPU request has nothing to divide by: it reports unknown and does nothing.',
    fixHint: 'Keep `minReplicas` < `maxReplicas`, and give every target container a CPU (or memory) request for the resource it scales on.',
    wellArchitected: ['PERF02-BP05', 'REL07-BP01'],
    equivalents: {},
  },
  check(set) {
    return each(ofKind(set, 'HorizontalPodAutoscaler'), (h) => {
      const spec = asObject(h.body.spec) ?? {};
      const min = Number(spec.minReplicas ?? 1);
      const max = Number(spec.maxReplicas ?? 0);
      if (max <= min) return at(h, ['spec', 'maxReplicas'], `HorizontalPodAutoscaler/${h.name} has minReplicas ${min} and maxReplicas ${max}: it cannot scale`);
      const target = scaleTarget(set, h);
      if (!target) return null;
      const resources = asArray(spec.metrics)
        .map((m) => asObject(asObject(m)?.resource))
        .filter((r) => r && asObject(r.target)?.type === 'Utilization')
        .map((r) => String(r!.name));
      if (spec.targetCPUUtilizationPercentage !== undefined) resources.push('cpu');
      for (const res of resources) {
        const missing = containersOf(target).filter((c) => asObject(asObject(c.container.resources)?.requests)?.[res] === undefined);
        if (missing.length) return at(h, ['spec'], `HorizontalPodAutoscaler/${h.name} scales on ${res} utilisation but container "${missing[0]!.name}" of ${target.kind}/${target.name} requests no ${res}`);
      }
      return null;
    });
  },
});
