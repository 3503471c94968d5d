import { containersOf, services } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, containerPorts, defaultProbe, ensure, probe } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-017',
    slug: 'liveness-probe',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'medium',
    title: 'No liveness probe',
    rationale: 'A process that hangs without exiting is never restarted without a liveness probe: the pod stays up and useless.',
    fixHint: 'Add `livenessProbe`, more tolerant than the readiness probe (longer period, more failures).',
    wellArchitected: ['REL11-BP01'],
    equivalents: { checkov: ['CKV_K8S_8'], polaris: ['livenessProbeMissing'], kubeScore: ['pod-probes'], kubeLinter: ['no-liveness-probe'] },
    fixable: true,
  },
  check(set, ctx) {
    const serving = services(set).flatMap((o) => containersOf(o)).filter((c) => containerPorts(c).length > 0);
    return each(serving, (c) => {
      if (probe(c, 'livenessProbe')) return null;
      const p = defaultProbe(ctx.spec, c, 'liveness');
      return at(c.obj, c.path, `container "${c.name}" of ${c.obj.kind}/${c.obj.name} has no liveness probe`, p ? ensure(c.obj, c.path, { livenessProbe: p }) : undefined);
    });
  },
});
