import { asObject } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-033',
    slug: 'cluster-admin',
    target: 'k8s',
    pillar: 'security',
    severity: 'critical',
    title: 'Binding to cluster-admin',
    rationale: 'cluster-admin can do anything to any object in any namespace: whoever gets the bound account\'s token owns the cluster.',
    fixHint: 'Bind a Role with only the permissions needed, in the namespace needed.',
    wellArchitected: ['SEC03-BP02'],
    equivalents: { kubeLinter: ['cluster-admin-role-binding'] },
  },
  check(set) {
    const bindings = set.objects.filter((o) => o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding');
    return each(bindings, (b) =>
      asObject(b.body.roleRef)?.name === 'cluster-admin' ? at(b, ['roleRef', 'name'], `${b.kind}/${b.name} grants cluster-admin`) : null,
    );
  },
});
