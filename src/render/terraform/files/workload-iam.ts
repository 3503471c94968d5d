import { call, data, nested, raw, resource, tpl, type Block, type Expr } from '../hcl/model.js';
import type { TfContext } from '../context.js';

/**
 * AWS API access for components that use SQS or S3: an IAM role per component bound to its
 * Kubernetes ServiceAccount through EKS Pod Identity, allowed only its queues and bucket.
 */
export function workloadIamBlocks(ctx: TfContext): Block[] {
  const users = ctx.workloads.filter((w) => w.services.includes('sqs') || w.services.includes('minio'));
  if (!users.length) return [];
  const statements = (sqs: boolean, s3: boolean): Expr[] => [
    ...(sqs
      ? [{
          Effect: 'Allow',
          Action: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
          Resource: [raw('aws_sqs_queue.main.arn'), raw('aws_sqs_queue.dlq.arn')],
        }]
      : []),
    ...(s3
      ? [
          { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [raw('aws_s3_bucket.data.arn')] },
          { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: [tpl('${aws_s3_bucket.data.arn}/*')] },
        ]
      : []),
    { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [raw('aws_kms_key.main.arn')] },
  ];
  const blocks: Block[] = [
    data('aws_iam_policy_document', 'pod_identity_trust', {
      statement: nested({
        effect: 'Allow',
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        principals: nested({ type: 'Service', identifiers: ['pods.eks.amazonaws.com'] }),
      }),
    }),
  ];
  for (const w of users) {
    const id = w.name.replace(/-/g, '_');
    blocks.push(
      resource('aws_iam_role', id, {
        name: tpl(`\${local.name}-${w.name}`),
        assume_role_policy: raw('data.aws_iam_policy_document.pod_identity_trust.json'),
        tags: { Component: w.name },
      }),
      resource('aws_iam_role_policy', id, {
        name: 'app-data',
        role: raw(`aws_iam_role.${id}.id`),
        policy: call('jsonencode', { Version: '2012-10-17', Statement: statements(w.services.includes('sqs'), w.services.includes('minio')) }),
      }),
      resource('aws_eks_pod_identity_association', id, {
        cluster_name: raw('module.eks.cluster_name'),
        namespace: raw('local.namespace'),
        service_account: w.name,
        role_arn: raw(`aws_iam_role.${id}.arn`),
      }),
    );
  }
  return blocks;
}
