import { asArray, asObject, containers } from '../../parse/k8s.js';
import { yamlAppend } from '../../fix/yaml-edit.js';
import { defineRule, each } from '../../rule.js';
import { at, containerSecurityContext, ensure } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-005',
    slug: 'drop-all-capabilities',
    target: 'k8s',
    pillar: 'security',
    severity: 'medium',
    title: 'Linux capabilities not dropped',
    rationale: 'Containers start with a default set of capabilities (NET_RAW, CHOWN, SETUID …) that web apps never need and attackers use.',
    fixHint: 'Set `securityContext.capabilities.drop: [ALL]` and add back only what is needed (e.g. NET_BIND_SERVICE).',
    wellArchitected: ['SEC03-BP02', 'SEC06-BP02'],
    equivalents: { checkov: ['CKV_K8S_28', 'CKV_K8S_37'], trivy: ['AVD-KSV-0003'], polaris: ['insecureCapabilities'], kubeLinter: ['drop-net-raw-capability'] },
    fixable: true,
  },
  check(set) {
    return each(containers(set, { init: true }), (c) => {
      const caps = asObject(containerSecurityContext(c).capabilities);
      const drop = asArray(caps?.drop).map((x) => String(x).toUpperCase());
      if (drop.includes('ALL')) return null;
      const path = [...c.path, 'securityContext', 'capabilities'];
      const fix = caps?.drop !== undefined ? () => yamlAppend(c.obj.doc, [...path, 'drop'], 'ALL') : ensure(c.obj, path, { drop: ['ALL'] });
      return at(c.obj, caps ? path : [...c.path, 'securityContext'], `container "${c.name}" of ${c.obj.kind}/${c.obj.name} keeps the default capabilities (drop ALL)`, fix);
    });
  },
});
