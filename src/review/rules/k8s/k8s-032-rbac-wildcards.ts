import { asArray, asObject } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-032',
    slug: 'rbac-wildcards',
    target: 'k8s',
    pillar: 'security',
    severity: 'high',
    title: 'RBAC rule grants wildcards',
    rationale: '`*` in verbs or resources grants today\'s and tomorrow\'s permissions, including secrets and escalation paths nobody reviewed.',
    fixHint: 'List the resources and verbs the workload needs (e.g. `get`, `list` on `configmaps`).',
    wellArchitected: ['SEC03-BP02'],
    equivalents: { checkov: ['CKV_K8S_49'], trivy: ['AVD-KSV-0044', 'AVD-KSV-0046'], kubeLinter: ['wildcard-in-rules'] },
  },
  check(set) {
    const roles = set.objects.filter((o) => o.kind === 'Role' || o.kind === 'ClusterRole');
    return each(roles, (role) =>
      asArray(role.body.rules).flatMap((r, i) => {
        const rule = asObject(r) ?? {};
        const wild = ['resources', 'verbs', 'apiGroups'].filter((k) => asArray(rule[k]).includes('*'));
        if (!wild.includes('verbs') && !wild.includes('resources')) return [];
        return [at(role, ['rules', i, wild[0]!], `${role.kind}/${role.name} grants * in ${wild.join(' and ')}`)];
      }),
    );
  },
});
