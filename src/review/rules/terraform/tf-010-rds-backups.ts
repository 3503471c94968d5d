import { defineRule, each } from '../../rule.js';
import { at, isExpression, isProd, resources, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-010',
    slug: 'rds-backups',
    target: 'terraform',
    pillar: 'reliability',
    severity: 'high',
    title: 'Database backups off or too short',
    rationale: 'With no automated backups (retention 0) there is no point-in-time recovery; production needs at least a week to notice and undo a bad migration.',
    fixHint: 'Set `backup_retention_period` to 7 or more in production (at least 1 elsewhere).',
    wellArchitected: ['REL09-BP01', 'REL09-BP03'],
    equivalents: { checkov: ['CKV_AWS_133'], trivy: ['AVD-AWS-0077'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_db_instance', 'aws_rds_cluster'), (db) => {
      if (db.type === 'aws_db_instance' && db.body.replicate_source_db !== undefined) return null;
      const raw = value(mod, db, 'backup_retention_period');
      if (isExpression(raw)) return null;
      const days = raw === undefined ? (db.type === 'aws_rds_cluster' ? 1 : 0) : Number(raw);
      const min = isProd(mod) ? 7 : 1;
      if (days >= min) return null;
      return at(db, ['backup_retention_period'], `${db.type}.${db.name} keeps ${days} day${days === 1 ? '' : 's'} of backups (at least ${min} needed)`);
    });
  },
});
