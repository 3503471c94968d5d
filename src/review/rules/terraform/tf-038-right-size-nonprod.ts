import { defineRule, each, NOTHING } from '../../rule.js';
import { isLarge, sizedResources } from './instance-types.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-038',
    slug: 'right-size-nonprod',
    target: 'terraform',
    pillar: 'cost',
    severity: 'low',
    title: 'Large instances in non-production',
    rationale: 'Dev and test carry a fraction of production load; 2xlarge-and-up (or metal) instances there are usually copied from production and mostly idle.',
    fixHint: 'Size non-production from its own metrics (`slipway loadtest` gives a baseline); start small and let autoscaling add capacity.',
    wellArchitected: ['COST06-BP02', 'SUS05-BP01'],
    equivalents: {},
  },
  check(mod) {
    if (mod.env !== 'nonprod') return NOTHING;
    return each(sizedResources(mod), ({ r, types }) => {
      const t = types.find((x) => isLarge(x.size));
      return t ? at(r, [t.attr], `${r.type}.${r.name} uses ${t.type} in a non-production environment`) : null;
    });
  },
});
