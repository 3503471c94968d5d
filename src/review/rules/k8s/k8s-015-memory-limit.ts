import { TIER_RESOURCES } from '../../../spec/tiers.js';
import { asObject, containers } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, componentFor, ensure } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-015',
    slug: 'memory-limit',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'medium',
    title: 'No memory limit',
    rationale: 'A container without a memory limit can take the node\'s memory when it leaks: the kernel then kills other pods, not the culprit.',
    fixHint: 'Set `resources.limits.memory` (Slipway\'s tier table: low 256Mi, medium 512Mi, high 1Gi).',
    wellArchitected: ['REL05-BP04', 'PERF02-BP04'],
    equivalents: { checkov: ['CKV_K8S_13'], trivy: ['AVD-KSV-0018'], polaris: ['memoryLimitsMissing'], kubeScore: ['container-resources'], kubeLinter: ['unset-memory-requirements'] },
    fixable: true,
  },
  check(set, ctx) {
    return each(containers(set, { init: true }), (c) => {
      const limits = asObject(asObject(c.container.resources)?.limits) ?? {};
      if (limits.memory !== undefined) return null;
      const tier = componentFor(ctx.spec, c.name, c.obj.name)?.tier ?? 'medium';
      return at(c.obj, [...c.path, 'resources'], `container "${c.name}" of ${c.obj.kind}/${c.obj.name} has no memory limit`, ensure(c.obj, [...c.path, 'resources'], { limits: { memory: TIER_RESOURCES[tier].limits.memory } }));
    });
  },
});
