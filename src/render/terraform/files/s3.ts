import { raw, resource, type Block } from '../hcl/model.js';

/** No public ACLs or policies on `aws_s3_bucket.<name>`, ever. */
export function blockPublicAccess(name: string): Block {
  return resource('aws_s3_bucket_public_access_block', name, {
    bucket: raw(`aws_s3_bucket.${name}.id`),
    block_public_acls: true,
    block_public_policy: true,
    ignore_public_acls: true,
    restrict_public_buckets: true,
  });
}
