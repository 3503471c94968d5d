import { data, nested, raw, resource, tpl, type Block, type Expr, type Nested } from '../hcl/model.js';

function allow(sid: string, type: 'AWS' | 'Service', identifiers: Expr, actions: string[]): Nested {
  return nested({ sid, effect: 'Allow', actions, resources: ['*'], principals: nested({ type, identifiers }) });
}

/**
 * One customer-managed key per environment, rotated yearly, for everything at rest: EKS
 * secrets, databases, caches, queues, buckets, logs, backups. CloudWatch Logs and the
 * alarm/notification services need the key policy to name them; the rest goes through IAM.
 */
export function encryptionBlocks(): Block[] {
  return [
    data('aws_iam_policy_document', 'kms', {
      statement: [
        allow('AccountAdmin', 'AWS', raw('["arn:aws:iam::${local.account_id}:root"]'), ['kms:*']),
        allow('CloudWatchLogs', 'Service', raw('["logs.${var.region}.amazonaws.com"]'),
          ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*']),
        allow('AlarmsAndNotifications', 'Service', ['cloudwatch.amazonaws.com', 'events.amazonaws.com', 'sns.amazonaws.com'], ['kms:Decrypt', 'kms:GenerateDataKey*']),
      ],
    }),
    resource('aws_kms_key', 'main', {
      description: tpl('${local.name}: data at rest'),
      enable_key_rotation: true,
      deletion_window_in_days: raw('local.is_prod ? 30 : 7'),
      policy: raw('data.aws_iam_policy_document.kms.json'),
    }),
    resource('aws_kms_alias', 'main', { name: tpl('alias/${local.name}'), target_key_id: raw('aws_kms_key.main.key_id') }),
  ];
}
