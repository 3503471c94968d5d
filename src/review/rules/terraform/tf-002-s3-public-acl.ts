import { defineRule, each } from '../../rule.js';
import { at, companions, resources, value } from './shared.js';

const PUBLIC = new Set(['public-read', 'public-read-write', 'authenticated-read', 'website']);

export default defineRule({
  meta: {
    id: 'SLW-TF-002',
    slug: 's3-public-acl',
    target: 'terraform',
    pillar: 'security',
    severity: 'critical',
    title: 'S3 bucket readable by everyone',
    rationale: 'A public-read (or public-read-write) ACL publishes every object in the bucket to the internet.',
    fixHint: 'Remove the public ACL (`acl = "private"` or no ACL with object ownership BucketOwnerEnforced); serve public content through CloudFront with origin access control.',
    wellArchitected: ['SEC08-BP04'],
    equivalents: { checkov: ['CKV_AWS_20', 'CKV_AWS_57'], trivy: ['AVD-AWS-0092'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_s3_bucket'), (bucket) => {
      const acl = value(mod, bucket, 'acl');
      if (typeof acl === 'string' && PUBLIC.has(acl)) return at(bucket, ['acl'], `aws_s3_bucket.${bucket.name} has ACL ${acl}`);
      const separate = companions(mod, 'aws_s3_bucket_acl', 'bucket', bucket).find((a) => PUBLIC.has(String(value(mod, a, 'acl'))));
      return separate ? at(separate, ['acl'], `aws_s3_bucket.${bucket.name} gets ACL ${String(value(mod, separate, 'acl'))}`) : null;
    });
  },
});
