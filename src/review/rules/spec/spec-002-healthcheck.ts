import { defineRule, each } from '../../rule.js';
import { yamlLocation } from '../../parse/yaml.js';

export default defineRule({
  meta: {
    id: 'SLW-SPEC-002',
    slug: 'healthcheck',
    target: 'spec',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Web component without a health check path',
    rationale: 'Probes, zero-downtime swaps and post-deploy validation all need an endpoint that says "ready"; without one Slipway can only check that the port opens.',
    fixHint: 'Add a cheap health endpoint to the app and set `healthcheck: /healthz` on the component.',
    wellArchitected: ['REL11-BP01', 'OPS06-BP02'],
    equivalents: {},
  },
  check(doc) {
    const web = doc.spec.components.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'web');
    return each(web, ({ c, i }) => {
      if (c.healthcheck) return null;
      return { location: yamlLocation(doc, ['components', i, 'name']), message: `web component ${c.name} has no healthcheck path` };
    });
  },
});
