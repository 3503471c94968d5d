import { asObject, containersOf, workloads } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, ensure, podSecurityContext, podSpecPathOf, containerSecurityContext } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-007',
    slug: 'seccomp-profile',
    target: 'k8s',
    pillar: 'security',
    severity: 'medium',
    title: 'No seccomp profile',
    rationale: 'Without a seccomp profile every system call is allowed; `RuntimeDefault` blocks the few dozen that container escapes rely on, at no cost to ordinary apps.',
    fixHint: 'Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec.',
    wellArchitected: ['SEC06-BP02'],
    equivalents: { checkov: ['CKV_K8S_31'] },
    fixable: true,
  },
  check(set) {
    return each(workloads(set), (obj) => {
      const podType = asObject(podSecurityContext(obj).seccompProfile)?.type;
      const ok = (t: unknown): boolean => t === 'RuntimeDefault' || t === 'Localhost';
      if (ok(podType)) return null;
      const all = containersOf(obj, { init: true });
      if (all.length > 0 && all.every((c) => ok(asObject(containerSecurityContext(c).seccompProfile)?.type))) return null;
      const path = [...podSpecPathOf(obj), 'securityContext'];
      const unconfined = podType === 'Unconfined';
      return at(obj, unconfined ? [...path, 'seccompProfile'] : path, `${obj.kind}/${obj.name} ${unconfined ? 'runs Unconfined' : 'sets no seccomp profile'}`, unconfined ? undefined : ensure(obj, path, { seccompProfile: { type: 'RuntimeDefault' } }));
    });
  },
});
