import { raw, resource, tpl, type Block } from '../hcl/model.js';
import { BACKUP_TAG, clusterIdentifier, connectionSecret, password, securityGroup } from './shared.js';

/** MongoDB → Amazon DocumentDB (MongoDB 5.0 API): two instances in prod, one elsewhere; TLS on. */
export function documentDbBlocks(): Block[] {
  return [
    ...securityGroup('mongodb'),
    password('mongodb'),
    resource('aws_docdb_subnet_group', 'mongodb', { name: tpl('${local.name}-mongodb'), subnet_ids: raw('module.vpc.private_subnets') }),
    resource('aws_docdb_cluster', 'mongodb', {
      cluster_identifier: clusterIdentifier('mongodb'),
      engine: 'docdb',
      engine_version: '5.0.0',
      master_username: 'app_admin',
      master_password: raw('random_password.mongodb.result'),
      db_subnet_group_name: raw('aws_docdb_subnet_group.mongodb.name'),
      vpc_security_group_ids: raw('[aws_security_group.mongodb.id]'),
      storage_encrypted: true,
      kms_key_id: raw('aws_kms_key.main.arn'),
      backup_retention_period: raw('var.backup_retention_days'),
      deletion_protection: raw('local.is_prod'),
      skip_final_snapshot: raw('!local.is_prod'),
      final_snapshot_identifier: tpl('${local.name}-mongodb-final'),
      enabled_cloudwatch_logs_exports: ['audit'],
      tags: BACKUP_TAG,
    }),
    resource('aws_docdb_cluster_instance', 'mongodb', {
      count: raw('local.is_prod ? 2 : 1'),
      identifier: tpl('${local.name}-mongodb-${count.index}'),
      cluster_identifier: raw('aws_docdb_cluster.mongodb.id'),
      instance_class: raw('local.is_prod ? "db.r6g.large" : "db.t4g.medium"'),
    }),
    ...connectionSecret('mongodb', {
      url: tpl('mongodb://app_admin:${random_password.mongodb.result}@${aws_docdb_cluster.mongodb.endpoint}:27017/?tls=true&replicaSet=rs0&readPreference=secondaryPreferred&retryWrites=false'),
      password: raw('random_password.mongodb.result'),
    }),
  ];
}
