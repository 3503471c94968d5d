import { defineRule, each } from '../../rule.js';
import { yamlLocation } from '../../parse/yaml.js';
import { isSecretName } from '../secrets.js';

export default defineRule({
  meta: {
    id: 'SLW-SPEC-001',
    slug: 'secret-env',
    target: 'spec',
    pillar: 'security',
    severity: 'high',
    title: 'Secret environment variable not marked secret',
    rationale: 'Slipway renders variables without `secret: true` as plain config (ConfigMaps, .env defaults, pipeline logs unmasked); a password among them leaks everywhere.',
    fixHint: 'Set `secret: true` on the variable in slipway.yaml and remove any `default:` value.',
    wellArchitected: ['SEC02-BP03'],
    equivalents: {},
  },
  check(doc) {
    const vars = doc.spec.components.flatMap((c, ci) => c.env.map((e, ei) => ({ c, e, ci, ei })));
    return each(vars, ({ c, e, ci, ei }) => {
      if (!isSecretName(e.name)) return null;
      if (e.secret && e.default === undefined) return null;
      const what = e.secret ? 'is secret but has a default value in the file' : 'looks like a secret but is not marked `secret: true`';
      return { location: yamlLocation(doc, ['components', ci, 'env', ei, e.secret ? 'default' : 'name']), message: `${c.name}: env ${e.name} ${what}` };
    });
  },
});
