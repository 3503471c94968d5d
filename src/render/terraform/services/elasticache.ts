import { raw, resource, tpl, type Block } from '../hcl/model.js';
import { connectionSecret, password, securityGroup } from './shared.js';

function subnetGroup(type: 'redis' | 'memcached'): Block {
  return resource('aws_elasticache_subnet_group', type, { name: tpl(`\${local.name}-${type}`), subnet_ids: raw('module.vpc.private_subnets') });
}

/** Redis → ElastiCache replication group: primary + replica across AZs with failover in prod; TLS and AUTH on. */
export function redisBlocks(): Block[] {
  return [
    ...securityGroup('redis'),
    password('redis'),
    subnetGroup('redis'),
    resource('aws_elasticache_replication_group', 'redis', {
      replication_group_id: tpl('${local.name}-redis'),
      description: tpl('${local.name} cache'),
      engine: 'redis',
      engine_version: '7.1',
      node_type: raw('var.cache_node_type'),
      num_cache_clusters: raw('local.is_prod ? 2 : 1'),
      automatic_failover_enabled: raw('local.is_prod'),
      multi_az_enabled: raw('local.is_prod'),
      port: 6379,
      subnet_group_name: raw('aws_elasticache_subnet_group.redis.name'),
      security_group_ids: raw('[aws_security_group.redis.id]'),
      at_rest_encryption_enabled: true,
      kms_key_id: raw('aws_kms_key.main.arn'),
      transit_encryption_enabled: true,
      auth_token: raw('random_password.redis.result'),
      snapshot_retention_limit: raw('var.backup_retention_days'),
      snapshot_window: '02:00-03:00',
      auto_minor_version_upgrade: true,
    }),
    ...connectionSecret('redis', {
      url: tpl('rediss://:${random_password.redis.result}@${aws_elasticache_replication_group.redis.primary_endpoint_address}:6379/0'),
      password: raw('random_password.redis.result'),
    }),
  ];
}

/** Memcached → ElastiCache memcached: nodes spread across AZs in prod; TLS in transit. */
export function memcachedBlocks(): Block[] {
  return [
    ...securityGroup('memcached'),
    subnetGroup('memcached'),
    resource('aws_elasticache_cluster', 'memcached', {
      cluster_id: raw('substr("${local.name}-memcached", 0, 40)'),
      engine: 'memcached',
      node_type: raw('var.cache_node_type'),
      num_cache_nodes: raw('local.is_prod ? 2 : 1'),
      az_mode: raw('local.is_prod ? "cross-az" : "single-az"'),
      port: 11211,
      subnet_group_name: raw('aws_elasticache_subnet_group.memcached.name'),
      security_group_ids: raw('[aws_security_group.memcached.id]'),
      transit_encryption_enabled: true,
    }),
    ...connectionSecret('memcached', { url: raw('aws_elasticache_cluster.memcached.configuration_endpoint') }),
  ];
}
