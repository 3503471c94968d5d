import { defineRule, each } from '../../rule.js';
import { at, isTrue, resources, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-007',
    slug: 'rds-encryption',
    target: 'terraform',
    pillar: 'security',
    severity: 'high',
    title: 'Database storage not encrypted',
    rationale: 'Unencrypted database storage exposes the data in snapshots, backups and retired disks; encryption cannot be switched on later without a restore.',
    fixHint: 'Set `storage_encrypted = true` (a new instance; for an existing one restore an encrypted snapshot copy).',
    wellArchitected: ['SEC08-BP02'],
    equivalents: { checkov: ['CKV_AWS_16'], trivy: ['AVD-AWS-0080'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_db_instance', 'aws_rds_cluster'), (db) => {
      if (db.type === 'aws_db_instance' && db.body.replicate_source_db !== undefined) return null;
      if (db.type === 'aws_rds_cluster' && value(mod, db, 'engine_mode') === 'serverless') return null;
      return isTrue(value(mod, db, 'storage_encrypted')) ? null : at(db, ['storage_encrypted'], `${db.type}.${db.name} stores data unencrypted`);
    });
  },
});
