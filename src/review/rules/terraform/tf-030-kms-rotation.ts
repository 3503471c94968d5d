import { defineRule, each } from '../../rule.js';
import { at, isTrue, resources, setAttr, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-030',
    slug: 'kms-rotation',
    target: 'terraform',
    pillar: 'security',
    severity: 'medium',
    title: 'KMS key rotation off',
    rationale: 'Yearly automatic rotation limits how much data one key version protects, at no cost and with no change for callers.',
    fixHint: 'Set `enable_key_rotation = true`.',
    wellArchitected: ['SEC08-BP01'],
    equivalents: { checkov: ['CKV_AWS_7'], trivy: ['AVD-AWS-0065'] },
    fixable: true,
  },
  check(mod) {
    const symmetric = resources(mod, 'aws_kms_key').filter((k) => (value(mod, k, 'customer_master_key_spec') ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT');
    return each(symmetric, (k) =>
      isTrue(value(mod, k, 'enable_key_rotation')) ? null : at(k, ['enable_key_rotation'], `aws_kms_key.${k.name} is never rotated`, setAttr(k, 'enable_key_rotation', 'true')),
    );
  },
});
