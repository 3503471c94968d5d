import { defineRule, each } from '../../rule.js';
import { at, companions, pointsAt, resources, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-006',
    slug: 's3-access-logging',
    target: 'terraform',
    pillar: 'security',
    severity: 'low',
    title: 'S3 bucket access not logged',
    rationale: 'Without server access logs nobody can tell, after an incident, who read or deleted what.',
    fixHint: 'Add an `aws_s3_bucket_logging` targeting a dedicated log bucket (or enable CloudTrail data events).',
    wellArchitected: ['SEC04-BP01'],
    equivalents: { checkov: ['CKV_AWS_18'], trivy: ['AVD-AWS-0089'] },
  },
  check(mod) {
    const buckets = resources(mod, 'aws_s3_bucket');
    const logTargets = (b: (typeof buckets)[number]): boolean =>
      value(mod, b, 'acl') === 'log-delivery-write' ||
      resources(mod, 'aws_s3_bucket_logging').some((l) => pointsAt(l, 'target_bucket', b)) ||
      buckets.some((o) => o !== b && pointsAt(o, 'logging.0.target_bucket', b));
    return each(buckets, (bucket) => {
      if (bucket.body.logging || companions(mod, 'aws_s3_bucket_logging', 'bucket', bucket).length || logTargets(bucket)) return null;
      return at(bucket, [], `aws_s3_bucket.${bucket.name} does not log access`);
    });
  },
});
