import { containersOf, services } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, containerPorts, defaultProbe, ensure, probe } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-016',
    slug: 'readiness-probe',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'medium',
    title: 'No readiness probe',
    rationale: 'Without a readiness probe a pod receives traffic as soon as its process starts, before it can answer: every rollout and restart drops requests.',
    fixHint: 'Add `readinessProbe` (an HTTP GET on the health path, or a TCP check on the port).',
    wellArchitected: ['REL11-BP01', 'OPS06-BP03'],
    equivalents: { checkov: ['CKV_K8S_9'], polaris: ['readinessProbeMissing'], kubeScore: ['pod-probes'], kubeLinter: ['no-readiness-probe'] },
    fixable: true,
  },
  check(set, ctx) {
    const serving = services(set).flatMap((o) => containersOf(o)).filter((c) => containerPorts(c).length > 0);
    return each(serving, (c) => {
      if (probe(c, 'readinessProbe')) return null;
      const p = defaultProbe(ctx.spec, c, 'readiness');
      return at(c.obj, c.path, `container "${c.name}" of ${c.obj.kind}/${c.obj.name} serves a port but has no readiness probe`, p ? ensure(c.obj, c.path, { readinessProbe: p }) : undefined);
    });
  },
});
