import { asArray, asObject, podSpec, sameNamespace, workloads, ofKind } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at, ensure, podSpecPathOf } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-011',
    slug: 'service-account-token',
    target: 'k8s',
    pillar: 'security',
    severity: 'low',
    title: 'API token mounted into a pod that does not use it',
    rationale: 'Every pod gets a Kubernetes API token by default; an app that never calls the API only gives an attacker a credential to explore the cluster with.',
    fixHint: 'Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount).',
    wellArchitected: ['SEC03-BP02', 'SEC02-BP02'],
    equivalents: { checkov: ['CKV_K8S_38'], trivy: ['AVD-KSV-0036'], polaris: ['automountServiceAccountToken'] },
    fixable: true,
  },
  check(set) {
    return each(workloads(set), (obj) => {
      const spec = podSpec(obj) ?? {};
      if (spec.automountServiceAccountToken === false) return null;
      const sa = typeof spec.serviceAccountName === 'string' ? spec.serviceAccountName : 'default';
      const account = ofKind(set, 'ServiceAccount').find((o) => o.name === sa && sameNamespace(o, obj));
      if (account?.body.automountServiceAccountToken === false && spec.automountServiceAccountToken !== true) return null;
      // A workload whose account is bound to a role talks to the API: it needs the token.
      const bound = set.objects.some(
        (o) => (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') && asArray(o.body.subjects).some((s) => asObject(s)?.kind === 'ServiceAccount' && asObject(s)?.name === sa),
      );
      if (bound) return null;
      const path = podSpecPathOf(obj);
      return at(obj, spec.automountServiceAccountToken === true ? [...path, 'automountServiceAccountToken'] : path, `${obj.kind}/${obj.name} mounts a service account token it does not need`, spec.automountServiceAccountToken === undefined ? ensure(obj, path, { automountServiceAccountToken: false }) : undefined);
    });
  },
});
