import { defineRule, each, NOTHING } from '../../rule.js';
import { at, envNote, isExpression, isProd, isTrue, resources, setAttr, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-011',
    slug: 'rds-deletion-protection',
    target: 'terraform',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Production database can be deleted by a plan',
    rationale: 'A rename or a refactor that makes Terraform replace the database deletes production data; deletion protection turns that into an error.',
    fixHint: 'Set `deletion_protection = true` in production.',
    wellArchitected: ['REL09-BP01', 'OPS06-BP01'],
    equivalents: { checkov: ['CKV_AWS_293'], trivy: ['AVD-AWS-0177'] },
    fixable: true,
  },
  check(mod) {
    if (!isProd(mod)) return NOTHING;
    return each(resources(mod, 'aws_db_instance', 'aws_rds_cluster'), (db) => {
      const v = value(mod, db, 'deletion_protection');
      if (isTrue(v) || isExpression(v)) return null;
      return at(db, ['deletion_protection'], `${db.type}.${db.name} has no deletion protection${envNote(mod)}`, setAttr(db, 'deletion_protection', 'true'));
    });
  },
});
