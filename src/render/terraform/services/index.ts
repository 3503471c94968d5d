import type { Note } from '../../../analyze/notes.js';
import type { Service, ServiceType } from '../../../spec/component.js';
import type { Block } from '../hcl/model.js';
import { auroraBlocks } from './aurora.js';
import { documentDbBlocks } from './documentdb.js';
import { memcachedBlocks, redisBlocks } from './elasticache.js';
import { kafkaBlocks, rabbitmqBlocks, sqsBlocks } from './messaging.js';
import { s3Blocks } from './object-storage.js';
import { searchBlocks } from './search.js';

/** Backing service → the managed AWS service Terraform creates for test and prod, one file each. */
export const MANAGED_SERVICES: Record<ServiceType, {
  file: string;
  offering: string;
  build: (s: Service | undefined, app: string, notes: Note[]) => Block[];
  /** Named by `clusterIdentifier(type)`. */
  cluster?: true;
}> = {
  postgres: { file: 'postgres.tf', offering: 'Aurora PostgreSQL', build: (s, app, n) => auroraBlocks('postgres', s?.version, app, n), cluster: true },
  mysql: { file: 'mysql.tf', offering: 'Aurora MySQL', build: (s, app, n) => auroraBlocks('mysql', s?.version, app, n), cluster: true },
  mariadb: { file: 'mariadb.tf', offering: 'Aurora MySQL', build: (s, app, n) => auroraBlocks('mariadb', s?.version, app, n), cluster: true },
  mongodb: { file: 'mongodb.tf', offering: 'Amazon DocumentDB', build: () => documentDbBlocks(), cluster: true },
  redis: { file: 'redis.tf', offering: 'ElastiCache for Redis', build: () => redisBlocks() },
  memcached: { file: 'memcached.tf', offering: 'ElastiCache for Memcached', build: () => memcachedBlocks() },
  rabbitmq: { file: 'rabbitmq.tf', offering: 'Amazon MQ for RabbitMQ', build: () => rabbitmqBlocks() },
  kafka: { file: 'kafka.tf', offering: 'Amazon MSK', build: () => kafkaBlocks() },
  opensearch: { file: 'opensearch.tf', offering: 'Amazon OpenSearch Service', build: () => searchBlocks('opensearch') },
  elasticsearch: { file: 'elasticsearch.tf', offering: 'Amazon OpenSearch Service', build: () => searchBlocks('elasticsearch') },
  minio: { file: 's3.tf', offering: 'Amazon S3', build: () => s3Blocks() },
  sqs: { file: 'sqs.tf', offering: 'Amazon SQS FIFO + DLQ', build: () => sqsBlocks() },
};
