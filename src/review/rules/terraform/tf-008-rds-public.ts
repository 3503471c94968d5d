import { defineRule, each } from '../../rule.js';
import { at, isTrue, resources, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-008',
    slug: 'rds-public',
    target: 'terraform',
    pillar: 'security',
    severity: 'critical',
    title: 'Database reachable from the internet',
    rationale: 'A publicly accessible database is one leaked password or one unpatched bug away from a breach; it is also scanned constantly.',
    fixHint: 'Set `publicly_accessible = false` and reach the database from the application subnets (or through a bastion / SSM session).',
    wellArchitected: ['SEC05-BP01'],
    equivalents: { checkov: ['CKV_AWS_17'], trivy: ['AVD-AWS-0180'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_db_instance', 'aws_rds_cluster_instance'), (db) =>
      isTrue(value(mod, db, 'publicly_accessible')) ? at(db, ['publicly_accessible'], `${db.type}.${db.name} is publicly accessible`) : null,
    );
  },
});
