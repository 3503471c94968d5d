import { annotationsOf, asArray, asObject, ofKind } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

const INTERNAL_LB = /internal|private/i;

export default defineRule({
  meta: {
    id: 'SLW-K8S-031',
    slug: 'service-exposure',
    target: 'k8s',
    pillar: 'security',
    severity: 'medium',
    title: 'Service exposed outside the cluster',
    rationale:
      'A NodePort opens the port on every node; a public LoadBalancer gives the service its own internet address. Both bypass the Ingress (and its TLS, WAF and rate limits).',
    fixHint: 'Use `type: ClusterIP` behind an Ingress; if a LoadBalancer is needed, make it internal or set `loadBalancerSourceRanges`.',
    wellArchitected: ['SEC05-BP01'],
    equivalents: { kubeScore: ['service-type'], kubeLinter: ['exposed-services'] },
  },
  check(set) {
    return each(ofKind(set, 'Service'), (svc) => {
      const spec = asObject(svc.body.spec) ?? {};
      if (spec.type === 'NodePort') return at(svc, ['spec', 'type'], `Service/${svc.name} is a NodePort, open on every node`);
      if (spec.type !== 'LoadBalancer') return null;
      const internal = Object.entries(annotationsOf(svc.body)).some(([k, v]) => /load-balancer|loadbalancer/i.test(k) && (INTERNAL_LB.test(v) || v === 'true') && /internal|scheme/i.test(k));
      if (internal || asArray(spec.loadBalancerSourceRanges).length > 0) return null;
      return at(svc, ['spec', 'type'], `Service/${svc.name} is a public LoadBalancer open to any address`);
    });
  },
});
