import { defineRule, each, NOTHING } from '../../rule.js';
import { at, bySource, resources } from './shared.js';

const MONITORED = ['aws_db_instance', 'aws_rds_cluster', 'aws_lb', 'aws_alb', 'aws_eks_cluster', 'aws_ecs_service', 'aws_instance', 'aws_autoscaling_group', 'aws_sqs_queue', 'aws_elasticache_cluster'];

export default defineRule({
  meta: {
    id: 'SLW-TF-042',
    slug: 'alarms',
    target: 'terraform',
    pillar: 'operational-excellence',
    severity: 'medium',
    title: 'Infrastructure without alarms',
    rationale: 'Databases, load balancers and clusters with no CloudWatch alarm fail silently: users notice before the team does.',
    fixHint: 'Add `aws_cloudwatch_metric_alarm`s for the signals that matter (5xx rate, latency, CPU, free storage, queue age) with an SNS action.',
    wellArchitected: ['REL06-BP01', 'OPS08-BP01', 'PERF05-BP02'],
    equivalents: {},
  },
  check(mod) {
    const monitored = resources(mod, ...MONITORED).sort(bySource);
    if (monitored.length === 0) return NOTHING;
    const alarms = resources(mod, 'aws_cloudwatch_metric_alarm', 'aws_cloudwatch_composite_alarm').length > 0;
    return each([monitored[0]!], (first) => (alarms ? null : at(first, [], `${mod.dir} defines ${monitored.length} monitored resource(s) and no CloudWatch alarm`)));
  },
});
