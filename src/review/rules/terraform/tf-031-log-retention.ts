import { defineRule, each } from '../../rule.js';
import { at, resources, setAttr, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-031',
    slug: 'log-retention',
    target: 'terraform',
    pillar: 'cost',
    severity: 'low',
    title: 'Log group keeps logs forever',
    rationale: 'CloudWatch log groups default to never expire: storage grows every day, billed forever, long after anyone reads it.',
    fixHint: 'Set `retention_in_days` to what your retention policy says (the fix uses 365).',
    wellArchitected: ['COST04-BP05', 'SUS04-BP03'],
    equivalents: { checkov: ['CKV_AWS_338'] },
    fixable: true,
  },
  check(mod) {
    return each(resources(mod, 'aws_cloudwatch_log_group'), (g) => {
      const days = value(mod, g, 'retention_in_days');
      if (days !== undefined && Number(days) !== 0) return null;
      return at(g, ['retention_in_days'], `aws_cloudwatch_log_group.${g.name} never expires its logs`, days === undefined ? setAttr(g, 'retention_in_days', '365') : undefined);
    });
  },
});
