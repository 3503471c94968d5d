import { asArray, asObject, containers } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { isPlaceholder, isSecretName, knownKeyFormat, looksRandom } from '../secrets.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-012',
    slug: 'secrets-in-env',
    target: 'k8s',
    pillar: 'security',
    severity: 'high',
    title: 'Secret written as a plain env value',
    rationale:
      'A password in `env[].value` sits in the manifest, in Git, and in every `kubectl get -o yaml`; Secrets at least keep it out of the repository and under RBAC.',
    fixHint: 'Reference a Secret: `valueFrom.secretKeyRef` (or `envFrom.secretRef`).',
    wellArchitected: ['SEC02-BP03'],
    equivalents: { polaris: ['sensitiveContainerEnvVar'] },
  },
  check(set) {
    return each(containers(set, { init: true }), (c) => {
      const env = asArray(c.container.env).map(asObject);
      return env.flatMap((e) => {
        if (!e || typeof e.name !== 'string' || typeof e.value !== 'string') return [];
        const format = knownKeyFormat(e.value);
        // `*_KEY` names are ambiguous (CACHE_KEY, SORT_KEY): they count when the value looks random.
        const keyLike = /key$/i.test(e.name) && looksRandom(e.value, 16, 3.5);
        if (!format && !keyLike && (!isSecretName(e.name) || isPlaceholder(e.value))) return [];
        const what = format ? `holds a ${format.name}` : 'holds a literal secret';
        return [at(c.obj, [...c.path, 'env', { name: e.name }], `env ${e.name} of container "${c.name}" in ${c.obj.kind}/${c.obj.name} ${what}`)];
      });
    });
  },
});
