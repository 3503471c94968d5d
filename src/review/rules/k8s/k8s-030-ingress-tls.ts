import { annotationsOf, asArray, asObject, ofKind } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

/** TLS terminated by the cloud load balancer in front of the Ingress. */
const LB_TLS = ['alb.ingress.kubernetes.io/certificate-arn', 'service.beta.kubernetes.io/aws-load-balancer-ssl-cert', 'networking.gke.io/managed-certificates'];

export default defineRule({
  meta: {
    id: 'SLW-K8S-030',
    slug: 'ingress-tls',
    target: 'k8s',
    pillar: 'security',
    severity: 'high',
    title: 'Ingress serves plain HTTP',
    rationale: 'Without TLS, sessions, credentials and personal data cross the network readable and modifiable by anyone on the path.',
    fixHint: 'Add `spec.tls` with the hosts and a certificate Secret (cert-manager can issue it), or terminate TLS at the load balancer.',
    wellArchitected: ['SEC09-BP02'],
    equivalents: {},
  },
  check(set) {
    return each(ofKind(set, 'Ingress'), (ing) => {
      if (LB_TLS.some((a) => annotationsOf(ing.body)[a])) return null;
      const spec = asObject(ing.body.spec) ?? {};
      const tlsHosts = new Set(asArray(spec.tls).flatMap((t) => asArray(asObject(t)?.hosts).map(String)));
      if (asArray(spec.tls).length === 0) return at(ing, ['spec'], `Ingress/${ing.name} has no tls section`);
      const uncovered = asArray(spec.rules).map((r) => asObject(r)?.host).filter((h): h is string => typeof h === 'string' && !tlsHosts.has(h));
      return uncovered.length ? at(ing, ['spec', 'tls'], `Ingress/${ing.name} serves ${uncovered.join(', ')} without TLS`) : null;
    });
  },
});
