import { TIER_RESOURCES } from '../../../spec/tiers.js';
import { asObject, containers } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, componentFor, ensure } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-014',
    slug: 'resource-requests',
    target: 'k8s',
    pillar: 'performance',
    severity: 'medium',
    title: 'No CPU or memory request',
    rationale:
      'Without requests the scheduler packs pods blindly: nodes overcommit, neighbours starve each other, and the HPA cannot compute utilisation.',
    fixHint: 'Set `resources.requests.cpu` and `.memory` (Slipway\'s tier table: low 100m/128Mi, medium 250m/256Mi, high 500m/512Mi; `slipway loadtest` measures real needs).',
    wellArchitected: ['PERF02-BP04', 'REL07-BP01'],
    equivalents: { checkov: ['CKV_K8S_10', 'CKV_K8S_12'], trivy: ['AVD-KSV-0015', 'AVD-KSV-0016'], polaris: ['cpuRequestsMissing', 'memoryRequestsMissing'], kubeScore: ['container-resources'], kubeLinter: ['unset-cpu-requirements', 'unset-memory-requirements'] },
    fixable: true,
  },
  check(set, ctx) {
    return each(containers(set, { init: true }), (c) => {
      const requests = asObject(asObject(c.container.resources)?.requests) ?? {};
      const missing = ['cpu', 'memory'].filter((k) => requests[k] === undefined);
      if (missing.length === 0) return null;
      const tier = componentFor(ctx.spec, c.name, c.obj.name)?.tier ?? 'medium';
      return at(c.obj, [...c.path, 'resources'], `container "${c.name}" of ${c.obj.kind}/${c.obj.name} requests no ${missing.join(' or ')}`, ensure(c.obj, [...c.path, 'resources'], { requests: { ...TIER_RESOURCES[tier].requests } }));
    });
  },
});
