import { defineRule, each } from '../../rule.js';
import { at, companions, resources } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-005',
    slug: 's3-lifecycle',
    target: 'terraform',
    pillar: 'sustainability',
    severity: 'low',
    title: 'S3 bucket keeps everything forever',
    rationale: 'Without lifecycle rules, logs, old versions and stale uploads accumulate in the most expensive storage class indefinitely.',
    fixHint: 'Add an `aws_s3_bucket_lifecycle_configuration`: move cold data to cheaper classes, expire what has no retention requirement, expire noncurrent versions.',
    wellArchitected: ['SUS04-BP03', 'COST04-BP05'],
    equivalents: { checkov: ['CKV2_AWS_61'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_s3_bucket'), (bucket) =>
      bucket.body.lifecycle_rule || companions(mod, 'aws_s3_bucket_lifecycle_configuration', 'bucket', bucket).length
        ? null
        : at(bucket, [], `aws_s3_bucket.${bucket.name} has no lifecycle rules`),
    );
  },
});
