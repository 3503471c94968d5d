import { containers } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, containerSecurityContext } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-004',
    slug: 'read-only-root-fs',
    target: 'k8s',
    pillar: 'security',
    severity: 'medium',
    title: 'Root filesystem is writable',
    rationale:
      'A writable root filesystem lets an attacker drop tools and persist changes inside the container; a read-only one limits writes to the volumes you chose.',
    fixHint: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the app writes (e.g. /tmp).',
    wellArchitected: ['SEC06-BP02'],
    equivalents: { checkov: ['CKV_K8S_22'], trivy: ['AVD-KSV-0014'], polaris: ['notReadOnlyRootFilesystem'], kubeScore: ['container-security-context-readonlyrootfilesystem'], kubeLinter: ['no-read-only-root-fs'] },
  },
  check(set) {
    return each(containers(set, { init: true }), (c) =>
      containerSecurityContext(c).readOnlyRootFilesystem === true
        ? null
        : at(c.obj, [...c.path, 'securityContext', 'readOnlyRootFilesystem'], `container "${c.name}" of ${c.obj.kind}/${c.obj.name} has a writable root filesystem`),
    );
  },
});
