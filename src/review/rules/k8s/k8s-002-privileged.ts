import { containers } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, containerSecurityContext } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-002',
    slug: 'privileged',
    target: 'k8s',
    pillar: 'security',
    severity: 'critical',
    title: 'Privileged container',
    rationale: 'A privileged container has every capability and all host devices: root in it is root on the node, and on every pod the node runs.',
    fixHint: 'Remove `privileged: true`; grant the one capability the workload needs instead.',
    wellArchitected: ['SEC03-BP02', 'SEC06-BP02'],
    equivalents: { checkov: ['CKV_K8S_16'], trivy: ['AVD-KSV-0017'], polaris: ['runAsPrivileged'], kubeScore: ['container-security-context-privileged'], kubeLinter: ['privileged-container'] },
  },
  check(set) {
    return each(containers(set, { init: true }), (c) =>
      containerSecurityContext(c).privileged === true
        ? at(c.obj, [...c.path, 'securityContext', 'privileged'], `container "${c.name}" of ${c.obj.kind}/${c.obj.name} is privileged`)
        : null,
    );
  },
});
