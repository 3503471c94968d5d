import { containers } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, containerSecurityContext, ensure } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-003',
    slug: 'privilege-escalation',
    target: 'k8s',
    pillar: 'security',
    severity: 'high',
    title: 'Privilege escalation allowed',
    rationale: 'Unless `allowPrivilegeEscalation: false`, a process can gain more rights than its parent (setuid binaries), undoing a non-root user.',
    fixHint: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
    wellArchitected: ['SEC03-BP02', 'SEC06-BP02'],
    equivalents: { checkov: ['CKV_K8S_20'], trivy: ['AVD-KSV-0001'], polaris: ['privilegeEscalationAllowed'], kubeLinter: ['privilege-escalation-container'] },
    fixable: true,
  },
  check(set) {
    return each(containers(set, { init: true }), (c) => {
      const v = containerSecurityContext(c).allowPrivilegeEscalation;
      if (v === false) return null;
      const path = [...c.path, 'securityContext'];
      return at(c.obj, v === true ? [...path, 'allowPrivilegeEscalation'] : path, `container "${c.name}" of ${c.obj.kind}/${c.obj.name} allows privilege escalation`, v === undefined ? ensure(c.obj, path, { allowPrivilegeEscalation: false }) : undefined);
    });
  },
});
