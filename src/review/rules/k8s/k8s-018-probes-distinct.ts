import { isDeepStrictEqual } from 'node:util';
import { containers } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, probe } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-018',
    slug: 'probes-distinct',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Liveness and readiness probes are identical',
    rationale:
      'When both probes are the same, a slow dependency that should only take the pod out of rotation makes Kubernetes kill it as well: restarts cascade under load.',
    fixHint: 'Make liveness more tolerant (longer period/failureThreshold) or check only the process itself (e.g. `/livez`), and keep dependency checks in readiness.',
    wellArchitected: ['REL11-BP01', 'REL05-BP01'],
    equivalents: { kubeScore: ['pod-probes'] },
  },
  check(set) {
    const both = containers(set).filter((c) => probe(c, 'readinessProbe') && probe(c, 'livenessProbe'));
    return each(both, (c) =>
      isDeepStrictEqual(probe(c, 'readinessProbe'), probe(c, 'livenessProbe'))
        ? at(c.obj, [...c.path, 'livenessProbe'], `container "${c.name}" of ${c.obj.kind}/${c.obj.name} uses the same probe for liveness and readiness`)
        : null,
    );
  },
});
