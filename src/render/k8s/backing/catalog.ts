import type { ServiceType } from '../../../spec/component.js';

/**
 * How each backing service is reached and, for dev, run in the cluster. Test and prod use
 * the managed AWS service Terraform creates (src/render/terraform/services); both sides meet
 * in one Secret per service, `<app>-<type>`, whose `url` key the components read by env.
 */
export interface BackingService {
  type: ServiceType;
  /** Port of the dev stand-in in the cluster. */
  port: number;
  /** Port of the managed AWS service in the VPC (TLS where AWS offers it); 443 for AWS APIs. */
  managedPort: number;
  /** Env var apps conventionally read for the connection, injected when none is declared. */
  envVar: string;
  /** Declared env var names that already mean this service's connection. */
  envPattern: RegExp;
  /** In-cluster stand-in for dev: official image, data directory, the image's own non-root uid. */
  dev: {
    image: string;
    dataPath: string;
    uid: number;
    /** Writable paths besides the data volume (the root filesystem stays read-only). */
    scratch: string[];
    /** Env for the container; `secret:` values come from the service Secret's key. */
    env: Record<string, string>;
    args?: string[];
  };
}

const pw = 'secret:password';

export const BACKING_SERVICES: Record<ServiceType, BackingService> = {
  postgres: {
    type: 'postgres', port: 5432, managedPort: 5432, envVar: 'DATABASE_URL', envPattern: /^(DATABASE_URL|POSTGRES(QL)?_URL|PG_?URL|DB_URL)$/,
    dev: { image: 'postgres:16-alpine', dataPath: '/var/lib/postgresql/data', uid: 70, scratch: ['/var/run/postgresql', '/tmp'],
      env: { POSTGRES_PASSWORD: pw, PGDATA: '/var/lib/postgresql/data/pgdata' } },
  },
  mysql: {
    type: 'mysql', port: 3306, managedPort: 3306, envVar: 'DATABASE_URL', envPattern: /^(DATABASE_URL|MYSQL_URL|DB_URL)$/,
    dev: { image: 'mysql:8.4', dataPath: '/var/lib/mysql', uid: 999, scratch: ['/var/run/mysqld', '/tmp'], env: { MYSQL_ROOT_PASSWORD: pw } },
  },
  mariadb: {
    type: 'mariadb', port: 3306, managedPort: 3306, envVar: 'DATABASE_URL', envPattern: /^(DATABASE_URL|MARIADB_URL|MYSQL_URL|DB_URL)$/,
    dev: { image: 'mariadb:11', dataPath: '/var/lib/mysql', uid: 999, scratch: ['/run/mysqld', '/tmp'], env: { MARIADB_ROOT_PASSWORD: pw } },
  },
  mongodb: {
    type: 'mongodb', port: 27017, managedPort: 27017, envVar: 'MONGODB_URI', envPattern: /^(MONGO(DB)?_(URI|URL))$/,
    dev: { image: 'mongo:7', dataPath: '/data/db', uid: 999, scratch: ['/tmp'],
      env: { MONGO_INITDB_ROOT_USERNAME: 'root', MONGO_INITDB_ROOT_PASSWORD: pw } },
  },
  redis: {
    type: 'redis', port: 6379, managedPort: 6379, envVar: 'REDIS_URL', envPattern: /^(REDIS_(URL|URI)|CACHE_URL)$/,
    dev: { image: 'redis:7-alpine', dataPath: '/data', uid: 999, scratch: ['/tmp'], env: {} },
  },
  memcached: {
    type: 'memcached', port: 11211, managedPort: 11211, envVar: 'MEMCACHED_URL', envPattern: /^(MEMCACHED?_(URL|SERVERS?|HOSTS?))$/,
    dev: { image: 'memcached:1.6-alpine', dataPath: '/data', uid: 11211, scratch: [], env: {} },
  },
  rabbitmq: {
    type: 'rabbitmq', port: 5672, managedPort: 5671, envVar: 'AMQP_URL', envPattern: /^(AMQP_(URL|URI)|RABBITMQ_(URL|URI)|BROKER_URL|CELERY_BROKER_URL)$/,
    dev: { image: 'rabbitmq:3.13-alpine', dataPath: '/var/lib/rabbitmq', uid: 100, scratch: ['/tmp'],
      env: { RABBITMQ_DEFAULT_USER: 'app', RABBITMQ_DEFAULT_PASS: pw } },
  },
  kafka: {
    type: 'kafka', port: 9092, managedPort: 9094, envVar: 'KAFKA_BROKERS', envPattern: /^(KAFKA_(BROKERS|BOOTSTRAP_SERVERS|URL))$/,
    dev: { image: 'apache/kafka:3.8.0', dataPath: '/var/lib/kafka/data', uid: 1000, scratch: ['/tmp'],
      env: { KAFKA_LOG_DIRS: '/var/lib/kafka/data' } },
  },
  elasticsearch: {
    type: 'elasticsearch', port: 9200, managedPort: 443, envVar: 'ELASTICSEARCH_URL', envPattern: /^(ELASTIC(SEARCH)?_(URL|HOSTS?))$/,
    dev: { image: 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0', dataPath: '/usr/share/elasticsearch/data', uid: 1000,
      scratch: ['/tmp', '/usr/share/elasticsearch/logs'], env: { 'discovery.type': 'single-node', 'xpack.security.enabled': 'false' } },
  },
  opensearch: {
    type: 'opensearch', port: 9200, managedPort: 443, envVar: 'OPENSEARCH_URL', envPattern: /^(OPENSEARCH_(URL|HOSTS?))$/,
    dev: { image: 'opensearchproject/opensearch:2', dataPath: '/usr/share/opensearch/data', uid: 1000,
      scratch: ['/tmp', '/usr/share/opensearch/logs'], env: { 'discovery.type': 'single-node', DISABLE_SECURITY_PLUGIN: 'true' } },
  },
  minio: {
    type: 'minio', port: 9000, managedPort: 443, envVar: 'S3_ENDPOINT', envPattern: /^(S3_(ENDPOINT|URL)|MINIO_(ENDPOINT|URL))$/,
    dev: { image: 'minio/minio:RELEASE.2024-10-13T13-34-11Z', dataPath: '/data', uid: 1000, scratch: ['/tmp'],
      env: { MINIO_ROOT_USER: 'app', MINIO_ROOT_PASSWORD: pw }, args: ['server', '/data'] },
  },
  sqs: {
    type: 'sqs', port: 9324, managedPort: 443, envVar: 'SQS_QUEUE_URL', envPattern: /^(SQS_(QUEUE_)?(URL|ENDPOINT)|QUEUE_URL)$/,
    dev: { image: 'softwaremill/elasticmq-native:1.6.9', dataPath: '/data', uid: 1001, scratch: ['/tmp'], env: {} },
  },
};
