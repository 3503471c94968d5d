import { defineRule, each } from '../../rule.js';
import { at, isTrue, resources, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-029',
    slug: 'alb-access-logs',
    target: 'terraform',
    pillar: 'operational-excellence',
    severity: 'low',
    title: 'Load balancer access logs off',
    rationale: 'ALB access logs hold every request with latency and status: the first thing needed to debug errors or investigate abuse.',
    fixHint: 'Add `access_logs { bucket = …, enabled = true }`.',
    wellArchitected: ['OPS04-BP02', 'SEC04-BP01'],
    equivalents: { checkov: ['CKV_AWS_91'] },
  },
  check(mod) {
    const lbs = resources(mod, 'aws_lb', 'aws_alb').filter((l) => (value(mod, l, 'load_balancer_type') ?? 'application') === 'application');
    return each(lbs, (lb) => (isTrue(value(mod, lb, 'access_logs.0.enabled')) ? null : at(lb, ['access_logs'], `${lb.type}.${lb.name} writes no access logs`)));
  },
});
