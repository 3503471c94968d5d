import { defineRule, each } from '../../rule.js';
import { addAfter, at, companions, isFalse, isTrue, resources, setAttr } from './shared.js';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

export default defineRule({
  meta: {
    id: 'SLW-TF-001',
    slug: 's3-public-access-block',
    target: 'terraform',
    pillar: 'security',
    severity: 'high',
    title: 'S3 bucket without a public access block',
    rationale:
      'Most S3 data leaks come from one ACL or bucket policy too many. The public access block is the guard rail that makes such a mistake harmless.',
    fixHint: 'Add an `aws_s3_bucket_public_access_block` for the bucket with all four settings true (or one at account level).',
    wellArchitected: ['SEC08-BP04', 'SEC05-BP01'],
    equivalents: { checkov: ['CKV2_AWS_6', 'CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'], trivy: ['AVD-AWS-0086', 'AVD-AWS-0087', 'AVD-AWS-0091', 'AVD-AWS-0093', 'AVD-AWS-0094'] },
    fixable: true,
  },
  check(mod) {
    const account = resources(mod, 'aws_s3_account_public_access_block').some((a) => FLAGS.every((f) => isTrue(a.body[f])));
    return each(resources(mod, 'aws_s3_bucket'), (bucket) => {
      if (account) return null;
      const blocks = companions(mod, 'aws_s3_bucket_public_access_block', 'bucket', bucket);
      if (blocks.length === 0) {
        const text = [
          `resource "aws_s3_bucket_public_access_block" "${bucket.name}" {`,
          `  bucket                  = aws_s3_bucket.${bucket.name}.id`,
          ...FLAGS.map((f) => `  ${f.padEnd(23)} = true`),
          '}',
        ].join('\n');
        return at(bucket, [], `aws_s3_bucket.${bucket.name} has no public access block`, addAfter(bucket, text));
      }
      const pab = blocks[0]!;
      const off = FLAGS.filter((f) => !isTrue(pab.body[f]));
      if (off.length === 0) return null;
      const flag = off[0]!;
      return at(pab, [flag], `the public access block of aws_s3_bucket.${bucket.name} leaves ${off.join(', ')} off`, isFalse(pab.body[flag]) || pab.body[flag] === undefined ? setAttr(pab, flag, 'true') : undefined);
    });
  },
});
