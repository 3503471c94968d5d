import { defineRule, each, NOTHING } from '../../rule.js';
import { at, envNote, isProd, isTrue, resources, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-009',
    slug: 'rds-multi-az',
    target: 'terraform',
    pillar: 'reliability',
    severity: 'high',
    title: 'Production database in a single availability zone',
    rationale: 'A single-AZ database is down for the length of any zone incident, instance failure or maintenance reboot; Multi-AZ fails over in a minute or two.',
    fixHint: 'Set `multi_az = true` for production (non-production can stay single-AZ to save cost).',
    wellArchitected: ['REL10-BP01'],
    equivalents: { checkov: ['CKV_AWS_157'] },
  },
  check(mod) {
    if (!isProd(mod)) return NOTHING;
    return each(resources(mod, 'aws_db_instance'), (db) => {
      if (db.body.replicate_source_db !== undefined) return null;
      return isTrue(value(mod, db, 'multi_az')) ? null : at(db, ['multi_az'], `aws_db_instance.${db.name} runs in one availability zone${envNote(mod)}`);
    });
  },
});
