import { defineRule, each } from '../../rule.js';
import { at, isFalse, isTrue, resources, setAttr, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-017',
    slug: 'sqs-encryption',
    target: 'terraform',
    pillar: 'security',
    severity: 'medium',
    title: 'SQS queue not encrypted',
    rationale: 'Messages often carry personal data or tokens; encryption at rest should be declared, not assumed.',
    fixHint: 'Set `sqs_managed_sse_enabled = true` (or `kms_master_key_id` for a customer key).',
    wellArchitected: ['SEC08-BP02'],
    equivalents: { checkov: ['CKV_AWS_27'], trivy: ['AVD-AWS-0096'] },
    fixable: true,
  },
  check(mod) {
    return each(resources(mod, 'aws_sqs_queue'), (q) => {
      if (q.body.kms_master_key_id !== undefined || isTrue(value(mod, q, 'sqs_managed_sse_enabled'))) return null;
      const off = isFalse(value(mod, q, 'sqs_managed_sse_enabled'));
      return at(q, ['sqs_managed_sse_enabled'], `aws_sqs_queue.${q.name} ${off ? 'turns encryption off' : 'declares no encryption'}`, setAttr(q, 'sqs_managed_sse_enabled', 'true'));
    });
  },
});
