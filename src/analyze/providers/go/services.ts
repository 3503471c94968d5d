import type { ServiceType } from '../../../spec/component.js';
import type { FactSheet } from '../../facts.js';
import { requires, type GoMod } from './go-mod.js';

/** Client modules (direct requirements only: indirect ones come with other libraries). */
const CLIENTS: [ServiceType, string[]][] = [
  ['postgres', ['github.com/jackc/pgx', 'github.com/jackc/pgx/v4', 'github.com/jackc/pgx/v5', 'github.com/lib/pq', 'gorm.io/driver/postgres', 'github.com/go-pg/pg', 'github.com/uptrace/bun/driver/pgdriver']],
  ['mysql', ['github.com/go-sql-driver/mysql', 'gorm.io/driver/mysql']],
  ['mongodb', ['go.mongodb.org/mongo-driver', 'go.mongodb.org/mongo-driver/v2']],
  ['redis', ['github.com/redis/go-redis', 'github.com/go-redis/redis', 'github.com/gomodule/redigo', 'github.com/hibiken/asynq', 'github.com/redis/rueidis']],
  ['rabbitmq', ['github.com/streadway/amqp', 'github.com/rabbitmq/amqp091-go']],
  ['kafka', ['github.com/segmentio/kafka-go', 'github.com/Shopify/sarama', 'github.com/IBM/sarama', 'github.com/confluentinc/confluent-kafka-go', 'github.com/twmb/franz-go']],
  ['elasticsearch', ['github.com/elastic/go-elasticsearch', 'github.com/olivere/elastic']],
  ['opensearch', ['github.com/opensearch-project/opensearch-go']],
  ['memcached', ['github.com/bradfitz/gomemcache']],
  ['minio', ['github.com/minio/minio-go']],
  ['sqs', ['github.com/aws/aws-sdk-go-v2/service/sqs']],
];

export function addServices(mod: GoMod, facts: FactSheet): void {
  for (const [type, paths] of CLIENTS) {
    const req = requires(mod, ...paths);
    if (req) facts.addService(type, { source: 'manifest', file: mod.file, line: req.line, excerpt: req.path, reason: `requires ${req.path}` });
  }
}
