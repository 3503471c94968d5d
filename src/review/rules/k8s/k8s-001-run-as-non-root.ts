import { containers } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, effectiveSecurity, ensure } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-001',
    slug: 'run-as-non-root',
    target: 'k8s',
    pillar: 'security',
    severity: 'high',
    title: 'Container may run as root',
    rationale:
      'Unless `runAsNonRoot: true` (or a non-zero `runAsUser`) is set, the container runs as whatever user the image says, often root; a compromised app then has root in the container and an easier path out.',
    fixHint: 'Set `securityContext.runAsNonRoot: true` on the container (and build the image with a non-root USER).',
    wellArchitected: ['SEC06-BP02', 'SEC03-BP02'],
    equivalents: { checkov: ['CKV_K8S_23'], trivy: ['AVD-KSV-0012'], polaris: ['runAsRootAllowed'], kubeScore: ['container-security-context-user-group-id'], kubeLinter: ['run-as-non-root'] },
    fixable: true,
  },
  check(set) {
    return each(containers(set, { init: true }), (c) => {
      const nonRoot = effectiveSecurity(c, 'runAsNonRoot') === true;
      const user = effectiveSecurity(c, 'runAsUser');
      if (nonRoot || (typeof user === 'number' && user > 0)) return null;
      if (user === 0) return at(c.obj, [...c.path, 'securityContext', 'runAsUser'], `container "${c.name}" of ${c.obj.kind}/${c.obj.name} runs as user 0 (root)`);
      return at(c.obj, [...c.path, 'securityContext'], `container "${c.name}" of ${c.obj.kind}/${c.obj.name} does not set runAsNonRoot`, ensure(c.obj, [...c.path, 'securityContext'], { runAsNonRoot: true }));
    });
  },
});
