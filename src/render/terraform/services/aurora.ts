import type { ServiceType } from '../../../spec/component.js';
import type { Note } from '../../../analyze/notes.js';
import { nested, raw, resource, tpl, type Block } from '../hcl/model.js';
import { BACKUP_TAG, clusterIdentifier, connectionSecret, password, securityGroup } from './shared.js';

type SqlType = Extract<ServiceType, 'postgres' | 'mysql' | 'mariadb'>;

/** Aurora versions that support Serverless v2 scaling to 0 (auto-pause) for non-prod. */
const POSTGRES_VERSIONS: Record<string, string> = { '13': '13.15', '14': '14.12', '15': '15.7', '16': '16.4', '17': '17.4' };
const MYSQL_VERSION = '8.0.mysql_aurora.3.08.0';

/**
 * Aurora for SQL services: in prod a writer and a reader on provisioned (reservable)
 * instances in two AZs with deletion protection; in non-prod one Serverless v2 instance
 * that scales to zero and pauses when idle. Encrypted, backed up for backup_retention_days.
 */
export function auroraBlocks(type: SqlType, version: string | undefined, app: string, notes: Note[]): Block[] {
  const postgres = type === 'postgres';
  const major = version?.split('.')[0];
  const engineVersion = postgres ? POSTGRES_VERSIONS[major ?? '16'] ?? POSTGRES_VERSIONS['16']! : MYSQL_VERSION;
  if (postgres && major && !POSTGRES_VERSIONS[major]) notes.push({ level: 'warn', message: `postgres ${version}: Aurora runs ${engineVersion}`, hint: `check the app against PostgreSQL ${engineVersion}` });
  if (type === 'mariadb') notes.push({ level: 'info', message: 'mariadb: runs on Aurora MySQL 3 (MySQL 8.0 compatible)', hint: 'check the app against MySQL 8.0' });
  const dbName = app.replace(/[^A-Za-z0-9]/g, '_').replace(/^[^A-Za-z]/, 'a');
  const port = postgres ? 5432 : 3306;
  const scheme = postgres ? 'postgres' : 'mysql';
  return [
    ...securityGroup(type),
    password(type),
    resource('aws_db_subnet_group', type, { name: tpl(`\${local.name}-${type}`), subnet_ids: raw('module.vpc.private_subnets') }),
    resource('aws_rds_cluster', type, {
      cluster_identifier: clusterIdentifier(type),
      engine: postgres ? 'aurora-postgresql' : 'aurora-mysql',
      engine_mode: 'provisioned',
      engine_version: engineVersion,
      database_name: dbName,
      master_username: 'app_admin',
      master_password: raw(`random_password.${type}.result`),
      port,
      db_subnet_group_name: raw(`aws_db_subnet_group.${type}.name`),
      vpc_security_group_ids: raw(`[aws_security_group.${type}.id]`),
      storage_encrypted: true,
      kms_key_id: raw('aws_kms_key.main.arn'),
      backup_retention_period: raw('var.backup_retention_days'),
      preferred_backup_window: '02:00-03:00',
      copy_tags_to_snapshot: true,
      deletion_protection: raw('local.is_prod'),
      skip_final_snapshot: raw('!local.is_prod'),
      final_snapshot_identifier: tpl(`\${local.name}-${type}-final`),
      iam_database_authentication_enabled: true,
      enabled_cloudwatch_logs_exports: postgres ? ['postgresql'] : ['audit', 'error', 'slowquery'],
      serverlessv2_scaling_configuration: nested({
        min_capacity: raw('local.is_prod ? 0.5 : 0'),
        max_capacity: raw('var.db_max_capacity'),
        seconds_until_auto_pause: raw('local.is_prod ? null : 900'),
      }),
      tags: BACKUP_TAG,
    }),
    resource('aws_rds_cluster_instance', type, {
      count: raw('local.is_prod ? 2 : 1'),
      identifier: tpl(`\${local.name}-${type}-\${count.index}`),
      cluster_identifier: raw(`aws_rds_cluster.${type}.id`),
      instance_class: raw('var.db_instance_class'),
      engine: raw(`aws_rds_cluster.${type}.engine`),
      engine_version: raw(`aws_rds_cluster.${type}.engine_version`),
      db_subnet_group_name: raw(`aws_db_subnet_group.${type}.name`),
      performance_insights_enabled: true,
      performance_insights_kms_key_id: raw('aws_kms_key.main.arn'),
      auto_minor_version_upgrade: true,
    }),
    ...connectionSecret(type, {
      url: tpl(`${scheme}://app_admin:\${random_password.${type}.result}@\${aws_rds_cluster.${type}.endpoint}:${port}/${dbName}`),
      reader_url: tpl(`${scheme}://app_admin:\${random_password.${type}.result}@\${aws_rds_cluster.${type}.reader_endpoint}:${port}/${dbName}`),
      password: raw(`random_password.${type}.result`),
    }),
  ];
}
