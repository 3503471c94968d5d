import { call, nested, raw, resource, tpl, type Block } from '../hcl/model.js';
import { blockPublicAccess } from '../files/s3.js';
import { BACKUP_TAG, connectionSecret } from './shared.js';

/** MinIO → an S3 bucket: private, versioned (AWS Backup needs it), KMS-encrypted, TLS-only. */
export function s3Blocks(): Block[] {
  return [
    resource('aws_s3_bucket', 'data', { bucket: tpl('${local.name}-${local.account_id}-data'), force_destroy: raw('!local.is_prod'), tags: BACKUP_TAG }),
    resource('aws_s3_bucket_versioning', 'data', { bucket: raw('aws_s3_bucket.data.id'), versioning_configuration: nested({ status: 'Enabled' }) }),
    blockPublicAccess('data'),
    resource('aws_s3_bucket_server_side_encryption_configuration', 'data', {
      bucket: raw('aws_s3_bucket.data.id'),
      rule: nested({
        apply_server_side_encryption_by_default: nested({ sse_algorithm: 'aws:kms', kms_master_key_id: raw('aws_kms_key.main.arn') }),
        bucket_key_enabled: true,
      }),
    }),
    resource('aws_s3_bucket_policy', 'data', {
      bucket: raw('aws_s3_bucket.data.id'),
      policy: call('jsonencode', {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'TlsOnly',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [raw('aws_s3_bucket.data.arn'), tpl('${aws_s3_bucket.data.arn}/*')],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      }),
    }),
    ...connectionSecret('minio', { url: tpl('https://s3.${var.region}.amazonaws.com'), bucket: raw('aws_s3_bucket.data.id') }),
  ];
}
