import { defineRule, each } from '../../rule.js';
import { at, isTrue, resources, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-012',
    slug: 'rds-monitoring',
    target: 'terraform',
    pillar: 'operational-excellence',
    severity: 'low',
    title: 'Database has no enhanced monitoring',
    rationale: 'Basic CloudWatch metrics cannot explain a slow database; enhanced monitoring and Performance Insights show which queries and waits cost the time.',
    fixHint: 'Set `monitoring_interval = 60` (with a monitoring role) and/or `performance_insights_enabled = true`.',
    wellArchitected: ['OPS04-BP02', 'PERF05-BP02'],
    equivalents: { checkov: ['CKV_AWS_118'], trivy: ['AVD-AWS-0133'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_db_instance'), (db) => {
      const interval = Number(value(mod, db, 'monitoring_interval') ?? 0);
      if (interval > 0 || isTrue(value(mod, db, 'performance_insights_enabled'))) return null;
      return at(db, [], `aws_db_instance.${db.name} has neither enhanced monitoring nor Performance Insights`);
    });
  },
});
