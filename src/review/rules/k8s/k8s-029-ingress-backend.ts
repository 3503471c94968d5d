import { asArray, asObject, sameNamespace, ofKind } from '../../parse/k8s.js';
import { defineRule, each, NOTHING } from '../../rule.js';
import { ingressBackends } from './ingress.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-029',
    slug: 'ingress-backend',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'high',
    title: 'Ingress routes to a missing Service or port',
    rationale: 'An Ingress path whose backend Service (or port) does not exist answers 503 to every request on that path.',
    fixHint: 'Point the backend at an existing Service and one of its ports (number or name).',
    wellArchitected: ['REL08-BP02'],
    equivalents: { kubeScore: ['ingress-targets-service'], kubeLinter: ['dangling-ingress'] },
  },
  check(set) {
    if (ofKind(set, 'Service').length === 0) return NOTHING;
    return each(ofKind(set, 'Ingress'), (ing) =>
      ingressBackends(ing).flatMap((b) => {
        const svc = ofKind(set, 'Service').find((o) => o.name === b.service && sameNamespace(o, ing));
        if (!svc) return [at(ing, b.path, `Ingress/${ing.name} routes to Service/${b.service}, which is not in ${set.label}`)];
        if (b.port === undefined) return [];
        const ports = asArray(asObject(svc.body.spec)?.ports).map(asObject);
        const ok = ports.some((p) => p?.port === b.port || p?.name === b.port);
        return ok ? [] : [at(ing, b.path, `Ingress/${ing.name} routes to port ${String(b.port)} of Service/${b.service}, which does not expose it`)];
      }),
    );
  },
});
