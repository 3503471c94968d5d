import { defineRule, each, NOTHING } from '../../rule.js';
import { at, resources, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-035',
    slug: 'spot-nonprod',
    target: 'terraform',
    pillar: 'cost',
    severity: 'medium',
    title: 'Non-production nodes on on-demand capacity',
    rationale: 'Dev and test capacity tolerates interruption; Spot costs up to 90% less than on-demand for the same instances.',
    fixHint: 'Set `capacity_type = "SPOT"` on non-production node groups (several instance types), or a `mixed_instances_policy` with Spot for Auto Scaling groups.',
    wellArchitected: ['COST07-BP01'],
    equivalents: {},
  },
  check(mod) {
    if (mod.env !== 'nonprod') return NOTHING;
    return each(resources(mod, 'aws_eks_node_group', 'aws_autoscaling_group'), (r) => {
      if (r.type === 'aws_eks_node_group') {
        return value(mod, r, 'capacity_type') === 'SPOT' ? null : at(r, ['capacity_type'], `aws_eks_node_group.${r.name} runs on-demand in a non-production environment`);
      }
      const spot = value(mod, r, 'mixed_instances_policy.0.instances_distribution.0.on_demand_percentage_above_base_capacity');
      return spot !== undefined && Number(spot) < 100 ? null : at(r, ['mixed_instances_policy'], `aws_autoscaling_group.${r.name} runs on-demand in a non-production environment`);
    });
  },
});
