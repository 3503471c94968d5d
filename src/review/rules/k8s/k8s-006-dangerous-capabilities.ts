import { asArray, asObject, containers } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, containerSecurityContext } from './shared.js';

const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'DAC_READ_SEARCH', 'NET_RAW', 'SYS_RAWIO', 'BPF', 'PERFMON']);

export default defineRule({
  meta: {
    id: 'SLW-K8S-006',
    slug: 'dangerous-capabilities',
    target: 'k8s',
    pillar: 'security',
    severity: 'high',
    title: 'Dangerous capability added',
    rationale: 'SYS_ADMIN, NET_ADMIN, SYS_PTRACE and friends are root in all but name: they let a process escape or spy on the node.',
    fixHint: 'Remove the capability from `capabilities.add`; if a feature needs it, run that part outside the app container.',
    wellArchitected: ['SEC03-BP02'],
    equivalents: { checkov: ['CKV_K8S_39'], trivy: ['AVD-KSV-0005', 'AVD-KSV-0022'], polaris: ['dangerousCapabilities'] },
  },
  check(set) {
    return each(containers(set, { init: true }), (c) => {
      const add = asArray(asObject(containerSecurityContext(c).capabilities)?.add).map((x) => String(x).toUpperCase().replace(/^CAP_/, ''));
      const bad = add.filter((x) => DANGEROUS.has(x));
      return bad.length
        ? at(c.obj, [...c.path, 'securityContext', 'capabilities', 'add'], `container "${c.name}" of ${c.obj.kind}/${c.obj.name} adds ${bad.join(', ')}`)
        : null;
    });
  },
});
