import { block, data, nested, raw, resource, tpl, variable, output, type Block } from '../hcl/model.js';
import { PROVIDER_VERSIONS } from './providers.js';
import { blockPublicAccess } from './s3.js';

/** Tag keys activated for cost allocation in Billing, so Cost Explorer can group by them. */
export const COST_TAGS = ['Application', 'Environment', 'Component', 'CostCenter', 'Owner'];

export const stateBucketName = (app: string, env: string) => `${app}-${env}-terraform-state`;
export const lockTableName = (app: string, env: string) => `${app}-${env}-terraform-locks`;
/** Access-log bucket the state bucket and CloudFront write to (edge.ts finds it by this name). */
export const ACCESS_LOGS_BUCKET = '${local.app}-${var.environment}-access-logs';
const ACCESS_LOG_DAYS = 365;

/**
 * bootstrap/: applied once per environment account, with local state, before anything
 * else: the S3 bucket (versioned, KMS, TLS-only, never public) and DynamoDB lock table the
 * main configuration keeps its state in, and the cost-allocation tag activation.
 */
export function bootstrapBlocks(app: string): Block[] {
  return [
    block('terraform', [], {
      required_version: '>= 1.6.0',
      required_providers: nested({ aws: { source: 'hashicorp/aws', version: PROVIDER_VERSIONS.aws } }),
    }),
    variable('environment', { description: 'Environment whose state this holds: dev, test, prod …', type: raw('string') }),
    variable('region', { description: 'AWS region of the state bucket', type: raw('string'), default: 'us-east-1' }),
    block('provider', ['aws'], {
      region: raw('var.region'),
      default_tags: nested({ tags: { Application: app, Environment: raw('var.environment'), ManagedBy: 'slipway' } }),
    }),
    block('locals', [], { app }),
    resource('aws_kms_key', 'state', { description: tpl('${local.app}-${var.environment}: Terraform state'), enable_key_rotation: true }),
    resource('aws_s3_bucket', 'state', {
      bucket: tpl('${local.app}-${var.environment}-terraform-state'),
      lifecycle: nested({ prevent_destroy: true }),
    }),
    resource('aws_s3_bucket_versioning', 'state', { bucket: raw('aws_s3_bucket.state.id'), versioning_configuration: nested({ status: 'Enabled' }) }),
    resource('aws_s3_bucket_server_side_encryption_configuration', 'state', {
      bucket: raw('aws_s3_bucket.state.id'),
      rule: nested({ apply_server_side_encryption_by_default: nested({ sse_algorithm: 'aws:kms', kms_master_key_id: raw('aws_kms_key.state.arn') }) }),
    }),
    blockPublicAccess('state'),
    resource('aws_s3_bucket_lifecycle_configuration', 'state', {
      bucket: raw('aws_s3_bucket.state.id'),
      rule: nested({
        id: 'old-state-versions',
        status: 'Enabled',
        filter: nested({}),
        noncurrent_version_expiration: nested({ noncurrent_days: 90, newer_noncurrent_versions: 10 }),
        abort_incomplete_multipart_upload: nested({ days_after_initiation: 7 }),
      }),
    }, 'Keeps the last 10 state versions for 90 days: enough to recover from a bad apply, not forever.'),
    resource('aws_s3_bucket_logging', 'state', {
      bucket: raw('aws_s3_bucket.state.id'),
      target_bucket: raw('aws_s3_bucket.access_logs.id'),
      target_prefix: 'terraform-state/',
    }),
    ...accessLogBucket(),
    resource('aws_dynamodb_table', 'locks', {
      name: tpl('${local.app}-${var.environment}-terraform-locks'),
      billing_mode: 'PAY_PER_REQUEST',
      hash_key: 'LockID',
      deletion_protection_enabled: true,
      attribute: nested({ name: 'LockID', type: 'S' }),
      server_side_encryption: nested({ enabled: true, kms_key_arn: raw('aws_kms_key.state.arn') }),
      point_in_time_recovery: nested({ enabled: true }),
    }),
    resource('aws_ce_cost_allocation_tag', 'tags', { for_each: raw(`toset(${JSON.stringify(COST_TAGS).replace(/,/g, ', ')})`), tag_key: raw('each.key'), status: 'Active' }),
    data('aws_region', 'current', {}),
    output('backend_config', {
      description: 'Contents of env/<environment>.s3.tfbackend',
      value: raw('{ bucket = aws_s3_bucket.state.id, dynamodb_table = aws_dynamodb_table.locks.name, kms_key_id = aws_kms_key.state.arn, region = data.aws_region.current.name }'),
    }),
  ];
}

/**
 * Server access logs of the state bucket and CloudFront standard logs. S3 log delivery cannot
 * write SSE-KMS objects and CloudFront needs ACLs, hence SSE-S3 and BucketOwnerPreferred here.
 */
function accessLogBucket(): Block[] {
  return [
    resource('aws_s3_bucket', 'access_logs', { bucket: tpl(ACCESS_LOGS_BUCKET), lifecycle: nested({ prevent_destroy: true }) }),
    resource('aws_s3_bucket_ownership_controls', 'access_logs', {
      bucket: raw('aws_s3_bucket.access_logs.id'),
      rule: nested({ object_ownership: 'BucketOwnerPreferred' }),
    }),
    resource('aws_s3_bucket_versioning', 'access_logs', { bucket: raw('aws_s3_bucket.access_logs.id'), versioning_configuration: nested({ status: 'Enabled' }) }),
    resource('aws_s3_bucket_server_side_encryption_configuration', 'access_logs', {
      bucket: raw('aws_s3_bucket.access_logs.id'),
      rule: nested({ apply_server_side_encryption_by_default: nested({ sse_algorithm: 'AES256' }) }),
    }),
    blockPublicAccess('access_logs'),
    resource('aws_s3_bucket_lifecycle_configuration', 'access_logs', {
      bucket: raw('aws_s3_bucket.access_logs.id'),
      rule: nested({
        id: 'expire-logs',
        status: 'Enabled',
        filter: nested({}),
        transition: nested({ days: 30, storage_class: 'STANDARD_IA' }),
        expiration: nested({ days: ACCESS_LOG_DAYS }),
        noncurrent_version_expiration: nested({ noncurrent_days: 30 }),
      }),
    }),
  ];
}
