import { defineRule, each, NOTHING } from '../../rule.js';
import { at, bySource, resources, value } from './shared.js';

const COMPUTE = ['aws_autoscaling_group', 'aws_eks_node_group', 'aws_instance', 'aws_db_instance', 'aws_rds_cluster', 'aws_ecs_service'];
const SCHEDULERS = ['aws_autoscaling_schedule', 'aws_scheduler_schedule', 'aws_cloudwatch_event_rule', 'aws_appautoscaling_scheduled_action'];

export default defineRule({
  meta: {
    id: 'SLW-TF-036',
    slug: 'schedules-nonprod',
    target: 'terraform',
    pillar: 'cost',
    severity: 'low',
    title: 'Non-production runs around the clock',
    rationale: 'Dev and test are used during working hours: stopping them nights and weekends cuts about 65% of their compute hours, cost and energy.',
    fixHint: 'Add schedules (`aws_autoscaling_schedule` scaling to 0 at night, an EventBridge Scheduler stopping instances and databases, or the AWS Instance Scheduler `Schedule` tag).',
    wellArchitected: ['COST09-BP03', 'SUS02-BP01'],
    equivalents: {},
  },
  check(mod) {
    if (mod.env !== 'nonprod') return NOTHING;
    const compute = resources(mod, ...COMPUTE).sort(bySource);
    if (compute.length === 0) return NOTHING;
    const scheduled =
      resources(mod, ...SCHEDULERS).some((r) => r.type !== 'aws_cloudwatch_event_rule' || r.body.schedule_expression !== undefined) ||
      compute.some((r) => {
        const tags = value(mod, r, 'tags');
        return !!tags && typeof tags === 'object' && Object.keys(tags).some((k) => /^schedule$/i.test(k));
      });
    return each([compute[0]!], (first) => (scheduled ? null : at(first, [], `non-production compute in ${mod.dir} runs 24/7 (no schedule found)`)));
  },
});
