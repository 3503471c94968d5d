import { data, nested, raw, resource, tpl, type Block } from '../hcl/model.js';

/**
 * AWS Backup: a daily recovery point of everything tagged Backup = "true" (Aurora,
 * DocumentDB, the S3 bucket), kept backup_retention_days (35 in prod, a few days elsewhere)
 * in a KMS-encrypted vault.
 */
export function backupBlocks(): Block[] {
  return [
    resource('aws_backup_vault', 'main', { name: raw('local.name'), kms_key_arn: raw('aws_kms_key.main.arn') }),
    resource('aws_backup_plan', 'main', {
      name: raw('local.name'),
      rule: nested({
        rule_name: 'daily',
        target_vault_name: raw('aws_backup_vault.main.name'),
        schedule: 'cron(0 3 * * ? *)',
        start_window: 60,
        completion_window: 360,
        lifecycle: nested({ delete_after: raw('var.backup_retention_days') }),
      }),
    }),
    data('aws_iam_policy_document', 'backup_trust', {
      statement: nested({
        effect: 'Allow',
        actions: ['sts:AssumeRole'],
        principals: nested({ type: 'Service', identifiers: ['backup.amazonaws.com'] }),
      }),
    }),
    resource('aws_iam_role', 'backup', { name: tpl('${local.name}-backup'), assume_role_policy: raw('data.aws_iam_policy_document.backup_trust.json') }),
    resource('aws_iam_role_policy_attachment', 'backup', {
      for_each: raw('toset(["AWSBackupServiceRolePolicyForBackup", "AWSBackupServiceRolePolicyForRestores", "AWSBackupServiceRolePolicyForS3Backup", "AWSBackupServiceRolePolicyForS3Restore"])'),
      role: raw('aws_iam_role.backup.name'),
      policy_arn: tpl('arn:aws:iam::aws:policy/service-role/${each.key}'),
    }),
    resource('aws_backup_selection', 'tagged', {
      name: tpl('${local.name}-tagged'),
      plan_id: raw('aws_backup_plan.main.id'),
      iam_role_arn: raw('aws_iam_role.backup.arn'),
      selection_tag: nested({ type: 'STRINGEQUALS', key: 'Backup', value: 'true' }),
      condition: nested({ string_equals: nested({ key: 'aws:ResourceTag/Environment', value: raw('var.environment') }) }),
    }),
  ];
}
