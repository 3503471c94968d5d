import { defineRule, each, NOTHING } from '../../rule.js';
import { INSTANCE_ATTRS, isLarge, parseInstanceType } from './instance-types.js';
import { asList, at, value } from './shared.js';

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
    const sized = mod.resources.filter((r) => INSTANCE_ATTRS.some((a) => r.body[a] !== undefined));
    return each(sized, (r) => {
      for (const attr of INSTANCE_ATTRS) {
        for (const t of asList(value(mod, r, attr))) {
          const p = typeof t === 'string' ? parseInstanceType(t) : undefined;
          if (p && isLarge(p.size)) return at(r, [attr], `${r.type}.${r.name} uses ${String(t)} in a non-production environment`);
        }
      }
      return null;
    });
  },
});
