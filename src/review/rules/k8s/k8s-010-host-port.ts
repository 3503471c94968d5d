import { asArray, asObject, containers } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-010',
    slug: 'host-port',
    target: 'k8s',
    pillar: 'security',
    severity: 'medium',
    title: 'Container binds a host port',
    rationale: 'hostPort publishes the container on the node\'s address, around Services and NetworkPolicies, and limits scheduling to one such pod per node.',
    fixHint: 'Remove `hostPort` and expose the port through a Service.',
    wellArchitected: ['SEC05-BP02', 'REL10-BP01'],
    equivalents: { checkov: ['CKV_K8S_26'], trivy: ['AVD-KSV-0024'], polaris: ['hostPortSet'] },
  },
  check(set) {
    return each(containers(set, { init: true }), (c) => {
      const ports = asArray(c.container.ports).map(asObject);
      const i = ports.findIndex((p) => typeof p?.hostPort === 'number' && p.hostPort > 0);
      return i < 0 ? null : at(c.obj, [...c.path, 'ports', i, 'hostPort'], `container "${c.name}" of ${c.obj.kind}/${c.obj.name} binds host port ${String(ports[i]!.hostPort)}`);
    });
  },
});
