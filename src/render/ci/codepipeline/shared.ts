import { block, data, nested, raw, resource, tpl, variable, type Block } from '../../terraform/hcl/model.js';
import { PROVIDER_VERSIONS } from '../../terraform/files/providers.js';
import { blockPublicAccess } from '../../terraform/files/s3.js';
import type { CiPlan } from '../model/types.js';

/**
 * What every pipeline shares: provider, inputs, the KMS key and S3 bucket of the
 * artifacts, one log group, and the two service roles with only the actions they use.
 */
export function sharedBlocks(plan: CiPlan, projectNames: string[], imageNames: string[]): Block[] {
  return [
    block('terraform', [], {
      required_version: '>= 1.6.0',
      required_providers: nested({ aws: { source: 'hashicorp/aws', version: PROVIDER_VERSIONS.aws } }),
      backend: nested({}, ['s3']),
    }, 'State: terraform init -backend-config=ci.s3.tfbackend (a bucket of the tools account).'),
    block('provider', ['aws'], { region: raw('var.region'), default_tags: nested({ tags: { Application: plan.app, Component: 'ci', ManagedBy: 'slipway' } }) }),
    variable('region', { description: 'Region of the pipelines', type: raw('string'), default: plan.region }),
    variable('connection_arn', { description: 'CodeStar connection to GitHub, Bitbucket or GitLab (created and authorised once in the console)', type: raw('string') }),
    variable('repository', { description: 'Repository the connection reads, e.g. "acme/shop"', type: raw('string') }),
    variable('branch', { description: 'Branch that deploys; pull requests only build, test and plan', type: raw('string'), default: plan.branch }),
    variable('registry', { description: 'ECR registry the images go to, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com', type: raw('string') }),
    variable('environment_role_arns', { description: 'Per environment, the role deploys and Terraform assume in its account', type: raw('map(string)') }),
    variable('min_coverage', { description: 'Line-coverage minimum of the quality gate, in percent ("" for none)', type: raw('string'), default: '' }),
    data('aws_caller_identity', 'current', {}),
    block('locals', [], {
      account_id: raw('data.aws_caller_identity.current.account_id'),
      project_arns: raw(`[for name in ${tuple(projectNames)} : "arn:aws:codebuild:\${var.region}:\${data.aws_caller_identity.current.account_id}:project/\${name}"]`),
      repository_arns: raw(`[for name in ${tuple(imageNames)} : "arn:aws:ecr:\${var.region}:\${data.aws_caller_identity.current.account_id}:repository/\${name}"]`),
    }),
    data('aws_iam_policy_document', 'kms', {
      statement: [
        nested({ sid: 'AccountAdmin', actions: ['kms:*'], resources: ['*'], principals: nested({ type: 'AWS', identifiers: raw('["arn:aws:iam::${local.account_id}:root"]') }) }),
        nested({
          sid: 'CloudWatchLogs', actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'], resources: ['*'],
          principals: nested({ type: 'Service', identifiers: raw('["logs.${var.region}.amazonaws.com"]') }),
        }),
      ],
    }),
    resource('aws_kms_key', 'ci', { description: `${plan.app}: pipeline artifacts and logs`, enable_key_rotation: true, policy: raw('data.aws_iam_policy_document.kms.json') }),
    resource('aws_kms_alias', 'ci', { name: `alias/${plan.app}-ci`, target_key_id: raw('aws_kms_key.ci.key_id') }),
    resource('aws_s3_bucket', 'artifacts', { bucket: tpl(`${plan.app}-ci-artifacts-\${local.account_id}`) }),
    resource('aws_s3_bucket_versioning', 'artifacts', { bucket: raw('aws_s3_bucket.artifacts.id'), versioning_configuration: nested({ status: 'Enabled' }) }),
    resource('aws_s3_bucket_server_side_encryption_configuration', 'artifacts', {
      bucket: raw('aws_s3_bucket.artifacts.id'),
      rule: nested({ apply_server_side_encryption_by_default: nested({ sse_algorithm: 'aws:kms', kms_master_key_id: raw('aws_kms_key.ci.arn') }) }),
    }),
    blockPublicAccess('artifacts'),
    resource('aws_s3_bucket_lifecycle_configuration', 'artifacts', {
      bucket: raw('aws_s3_bucket.artifacts.id'),
      rule: nested({ id: 'expire-artifacts', status: 'Enabled', filter: nested({}), expiration: nested({ days: 90 }), noncurrent_version_expiration: nested({ noncurrent_days: 30 }) }),
    }, 'Artifacts (sources, manifests, plans) are kept 90 days: enough to redeploy a recent release.'),
    resource('aws_cloudwatch_log_group', 'builds', { name: `/aws/codebuild/${plan.app}`, retention_in_days: 365, kms_key_id: raw('aws_kms_key.ci.arn') }),
    ...roleBlocks(),
  ];
}

const tuple = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;

function trust(name: string, service: string): Block {
  return data('aws_iam_policy_document', `${name}_trust`, {
    statement: nested({ actions: ['sts:AssumeRole'], principals: nested({ type: 'Service', identifiers: [service] }) }),
  });
}

const artifactAccess = [
  nested({ sid: 'Artifacts', actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'], resources: [tpl('${aws_s3_bucket.artifacts.arn}/*')] }),
  nested({ sid: 'ArtifactBucket', actions: ['s3:GetBucketLocation', 's3:GetBucketVersioning', 's3:ListBucket'], resources: [raw('aws_s3_bucket.artifacts.arn')] }),
  nested({ sid: 'Encryption', actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'], resources: [raw('aws_kms_key.ci.arn')] }),
];

function roleBlocks(): Block[] {
  return [
    trust('codepipeline', 'codepipeline.amazonaws.com'),
    resource('aws_iam_role', 'codepipeline', { name_prefix: 'codepipeline-', assume_role_policy: raw('data.aws_iam_policy_document.codepipeline_trust.json') }),
    data('aws_iam_policy_document', 'codepipeline', {
      statement: [
        ...artifactAccess,
        nested({ sid: 'RunBuilds', actions: ['codebuild:StartBuild', 'codebuild:BatchGetBuilds'], resources: raw('local.project_arns') }),
        nested({ sid: 'Source', actions: ['codestar-connections:UseConnection', 'codeconnections:UseConnection'], resources: [raw('var.connection_arn')] }),
      ],
    }),
    resource('aws_iam_role_policy', 'codepipeline', { role: raw('aws_iam_role.codepipeline.id'), policy: raw('data.aws_iam_policy_document.codepipeline.json') }),
    trust('codebuild', 'codebuild.amazonaws.com'),
    resource('aws_iam_role', 'codebuild', { name_prefix: 'codebuild-', assume_role_policy: raw('data.aws_iam_policy_document.codebuild_trust.json') }),
    data('aws_iam_policy_document', 'codebuild', {
      statement: [
        ...artifactAccess,
        nested({ sid: 'Logs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [tpl('${aws_cloudwatch_log_group.builds.arn}:*')] }),
        nested({ sid: 'RegistryLogin', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }),
        nested({
          sid: 'PushImages',
          actions: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:CompleteLayerUpload', 'ecr:DescribeImages', 'ecr:GetDownloadUrlForLayer', 'ecr:InitiateLayerUpload', 'ecr:PutImage', 'ecr:UploadLayerPart'],
          resources: raw('local.repository_arns'),
        }),
        nested({ sid: 'EnvironmentRoles', actions: ['sts:AssumeRole'], resources: raw('values(var.environment_role_arns)') }),
      ],
    }),
    resource('aws_iam_role_policy', 'codebuild', { role: raw('aws_iam_role.codebuild.id'), policy: raw('data.aws_iam_policy_document.codebuild.json') }),
  ];
}
