import { defineRule, each } from '../../rule.js';
import { addAfter, at, companions, resources } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-003',
    slug: 's3-encryption',
    target: 'terraform',
    pillar: 'security',
    severity: 'medium',
    title: 'S3 bucket encryption not configured',
    rationale: 'Declaring the encryption makes it reviewable and lets you choose KMS keys (with access logged and revocable) for sensitive data, instead of relying on defaults.',
    fixHint: 'Add an `aws_s3_bucket_server_side_encryption_configuration` (SSE-S3 `AES256`, or `aws:kms` with a customer key for sensitive data).',
    wellArchitected: ['SEC08-BP02'],
    equivalents: { checkov: ['CKV_AWS_19', 'CKV_AWS_145'], trivy: ['AVD-AWS-0088', 'AVD-AWS-0132'] },
    fixable: true,
  },
  check(mod) {
    return each(resources(mod, 'aws_s3_bucket'), (bucket) => {
      if (bucket.body.server_side_encryption_configuration) return null;
      if (companions(mod, 'aws_s3_bucket_server_side_encryption_configuration', 'bucket', bucket).length) return null;
      const text = [
        `resource "aws_s3_bucket_server_side_encryption_configuration" "${bucket.name}" {`,
        `  bucket = aws_s3_bucket.${bucket.name}.id`,
        '  rule {',
        '    apply_server_side_encryption_by_default {',
        '      sse_algorithm = "AES256"',
        '    }',
        '  }',
        '}',
      ].join('\n');
      return at(bucket, [], `aws_s3_bucket.${bucket.name} declares no server-side encryption`, addAfter(bucket, text));
    });
  },
});
