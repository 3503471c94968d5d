import { defineRule, each } from '../../rule.js';
import { addAfter, at, companions, isTrue, resources, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-004',
    slug: 's3-versioning',
    target: 'terraform',
    pillar: 'reliability',
    severity: 'medium',
    title: 'S3 bucket versioning off',
    rationale: 'Without versioning an overwrite or delete (a bug, a script, ransomware) destroys the only copy of the object.',
    fixHint: 'Add an `aws_s3_bucket_versioning` with `status = "Enabled"` (and a lifecycle rule expiring old versions).',
    wellArchitected: ['REL09-BP01', 'REL09-BP02'],
    equivalents: { checkov: ['CKV_AWS_21'], trivy: ['AVD-AWS-0090'] },
    fixable: true,
  },
  check(mod) {
    return each(resources(mod, 'aws_s3_bucket'), (bucket) => {
      if (isTrue(value(mod, bucket, 'versioning.0.enabled'))) return null;
      const v = companions(mod, 'aws_s3_bucket_versioning', 'bucket', bucket)[0];
      if (v) {
        const status = value(mod, v, 'versioning_configuration.0.status');
        return status === 'Enabled' ? null : at(v, ['versioning_configuration', 'status'], `aws_s3_bucket.${bucket.name} has versioning ${String(status ?? 'unset')}`);
      }
      const text = [
        `resource "aws_s3_bucket_versioning" "${bucket.name}" {`,
        `  bucket = aws_s3_bucket.${bucket.name}.id`,
        '  versioning_configuration {',
        '    status = "Enabled"',
        '  }',
        '}',
      ].join('\n');
      return at(bucket, [], `aws_s3_bucket.${bucket.name} keeps no previous versions`, bucket.body.versioning ? undefined : addAfter(bucket, text));
    });
  },
});
