import type { ServiceType } from '../../spec/component.js';

/**
 * Backing services as official images for local use (compose, `slipway smoke`): the
 * image pinned to a major, how to tell it is ready, where it keeps data, and how an app
 * finds it. Credentials are for a throwaway local instance; `${VAR:-default}` lets a
 * developer override them without editing the file.
 */
export interface ServiceRecipe {
  type: ServiceType;
  image(version: string | undefined): string;
  port: number;
  /** Container environment; `password` is the local instance's password. */
  env(password: string): Record<string, string>;
  /** Data directory for a named volume. */
  dataDir?: string;
  /** Readiness probe run inside the service container (compose healthcheck `test`). */
  ready?: string[];
  command?: string[];
  /** App variables this service fills, by name pattern → value (host is the service name). */
  wiring: { pattern: RegExp; value(host: string, password: string): string }[];
  /** The variable an app gets when it lists none of the known ones. */
  defaultVar: string;
}

/** compose.yaml's password: a local default a developer can override from the shell. */
export const COMPOSE_PASSWORD = '${SLIPWAY_LOCAL_DB_PASSWORD:-slipway-local}';

const SQL_URL = /^(DATABASE|DB|POSTGRES(QL)?|PG|MYSQL|MARIADB)_?(URL|URI|DSN)$/;
const hostVar = (prefix: string) => new RegExp(`^(${prefix}|DB|DATABASE)_?HOST(NAME)?$`);
const portVar = (prefix: string) => new RegExp(`^(${prefix}|DB|DATABASE)_?PORT$`);
const userVar = (prefix: string) => new RegExp(`^(${prefix}|DB|DATABASE)_?(USER|USERNAME)$`);
const passVar = (prefix: string) => new RegExp(`^(${prefix}|DB|DATABASE)_?(PASSWORD|PASS)$`);
const nameVar = (prefix: string) => new RegExp(`^(${prefix}|DB|DATABASE)_?(NAME|DATABASE|DB)$`);

function sql(scheme: string, port: number, prefix: string): ServiceRecipe['wiring'] {
  return [
    { pattern: SQL_URL, value: (h: string, p: string) => `${scheme}://app:${p}@${h}:${port}/app` },
    { pattern: hostVar(prefix), value: (h: string) => h },
    { pattern: portVar(prefix), value: () => String(port) },
    { pattern: userVar(prefix), value: () => 'app' },
    { pattern: passVar(prefix), value: (_h: string, p: string) => p },
    { pattern: nameVar(prefix), value: () => 'app' },
  ];
}

export const SERVICES: Record<ServiceType, ServiceRecipe> = {
  postgres: {
    type: 'postgres',
    image: (v) => `postgres:${major(v, '17')}`,
    port: 5432,
    env: (p) => ({ POSTGRES_USER: 'app', POSTGRES_PASSWORD: p, POSTGRES_DB: 'app' }),
    dataDir: '/var/lib/postgresql/data',
    ready: ['pg_isready', '-U', 'app', '-d', 'app'],
    wiring: sql('postgres', 5432, 'PG|POSTGRES(QL)?'),
    defaultVar: 'DATABASE_URL',
  },
  mysql: {
    type: 'mysql',
    image: (v) => `mysql:${major(v, '8.4')}`,
    port: 3306,
    env: (p) => ({ MYSQL_DATABASE: 'app', MYSQL_USER: 'app', MYSQL_PASSWORD: p, MYSQL_ROOT_PASSWORD: p }),
    dataDir: '/var/lib/mysql',
    ready: ['sh', '-c', 'mysqladmin ping -h 127.0.0.1 -u app --password="$MYSQL_PASSWORD"'],
    wiring: sql('mysql', 3306, 'MYSQL'),
    defaultVar: 'DATABASE_URL',
  },
  mariadb: {
    type: 'mariadb',
    image: (v) => `mariadb:${major(v, '11')}`,
    port: 3306,
    env: (p) => ({ MARIADB_DATABASE: 'app', MARIADB_USER: 'app', MARIADB_PASSWORD: p, MARIADB_ROOT_PASSWORD: p }),
    dataDir: '/var/lib/mysql',
    ready: ['healthcheck.sh', '--connect', '--innodb_initialized'],
    wiring: sql('mysql', 3306, 'MARIADB|MYSQL'),
    defaultVar: 'DATABASE_URL',
  },
  mongodb: {
    type: 'mongodb',
    image: (v) => `mongo:${major(v, '8')}`,
    port: 27017,
    env: () => ({}),
    dataDir: '/data/db',
    ready: ['mongosh', '--quiet', '--eval', "db.adminCommand('ping').ok"],
    wiring: [
      { pattern: /^(MONGO(DB)?|DATABASE|DB)_?(URL|URI|CONNSTR|CONNECTION_STRING)$/, value: (h) => `mongodb://${h}:27017/app` },
      { pattern: /^MONGO(DB)?_?HOST$/, value: (h) => h },
    ],
    defaultVar: 'MONGODB_URI',
  },
  redis: {
    type: 'redis',
    image: (v) => `redis:${major(v, '7')}`,
    port: 6379,
    env: () => ({}),
    dataDir: '/data',
    ready: ['redis-cli', 'ping'],
    wiring: [
      { pattern: /^(REDIS|CACHE|KV)_?(URL|URI|TLS_URL)$/, value: (h) => `redis://${h}:6379` },
      { pattern: /^REDIS_?(HOST|HOSTNAME|SESSION_HOST)$/, value: (h) => h },
      { pattern: /^REDIS_?PORT$/, value: () => '6379' },
    ],
    defaultVar: 'REDIS_URL',
  },
  rabbitmq: {
    type: 'rabbitmq',
    image: (v) => `rabbitmq:${major(v, '4')}`,
    port: 5672,
    env: (p) => ({ RABBITMQ_DEFAULT_USER: 'app', RABBITMQ_DEFAULT_PASS: p }),
    dataDir: '/var/lib/rabbitmq',
    ready: ['rabbitmq-diagnostics', '-q', 'ping'],
    wiring: [{ pattern: /^(RABBITMQ|AMQP|BROKER|CLOUDAMQP)_?(URL|URI)$/, value: (h, p) => `amqp://app:${p}@${h}:5672` }],
    defaultVar: 'AMQP_URL',
  },
  kafka: {
    type: 'kafka',
    image: (v) => `apache/kafka:${major(v, '3.9')}`,
    port: 9092,
    env: () => ({}),
    ready: ['/opt/kafka/bin/kafka-broker-api-versions.sh', '--bootstrap-server', 'localhost:9092'],
    wiring: [{ pattern: /^KAFKA_?(BROKERS|BOOTSTRAP_SERVERS|URL|HOST)$/, value: (h) => `${h}:9092` }],
    defaultVar: 'KAFKA_BROKERS',
  },
  elasticsearch: {
    type: 'elasticsearch',
    image: (v) => `elasticsearch:${major(v, '8.15.0')}`,
    port: 9200,
    env: () => ({ 'discovery.type': 'single-node', 'xpack.security.enabled': 'false', ES_JAVA_OPTS: '-Xms512m -Xmx512m' }),
    dataDir: '/usr/share/elasticsearch/data',
    ready: ['curl', '-fs', 'http://localhost:9200/_cluster/health'],
    wiring: [{ pattern: /^(ELASTICSEARCH|ELASTIC|ES)_?(URL|URI|HOST|NODE)$/, value: (h) => `http://${h}:9200` }],
    defaultVar: 'ELASTICSEARCH_URL',
  },
  opensearch: {
    type: 'opensearch',
    image: (v) => `opensearchproject/opensearch:${major(v, '2')}`,
    port: 9200,
    env: () => ({ 'discovery.type': 'single-node', DISABLE_SECURITY_PLUGIN: 'true', OPENSEARCH_JAVA_OPTS: '-Xms512m -Xmx512m' }),
    dataDir: '/usr/share/opensearch/data',
    ready: ['curl', '-fs', 'http://localhost:9200/_cluster/health'],
    wiring: [{ pattern: /^(OPENSEARCH|SEARCH)_?(URL|URI|HOST|NODE)$/, value: (h) => `http://${h}:9200` }],
    defaultVar: 'OPENSEARCH_URL',
  },
  memcached: {
    type: 'memcached',
    image: (v) => `memcached:${major(v, '1.6')}`,
    port: 11211,
    env: () => ({}),
    wiring: [{ pattern: /^MEMCACHE(D|IER)?_?(SERVERS|URL|HOST)$/, value: (h) => `${h}:11211` }],
    defaultVar: 'MEMCACHED_SERVERS',
  },
  minio: {
    type: 'minio',
    image: () => 'minio/minio:latest',
    port: 9000,
    env: (p) => ({ MINIO_ROOT_USER: 'app', MINIO_ROOT_PASSWORD: p }),
    dataDir: '/data',
    command: ['server', '/data'],
    ready: ['mc', 'ready', 'local'],
    wiring: [{ pattern: /^(S3|MINIO|AWS)_?(ENDPOINT|ENDPOINT_URL|URL)$/, value: (h) => `http://${h}:9000` }],
    defaultVar: 'S3_ENDPOINT',
  },
  sqs: {
    type: 'sqs',
    image: () => 'softwaremill/elasticmq-native:1.6',
    port: 9324,
    env: () => ({}),
    wiring: [{ pattern: /^(SQS|AWS_SQS)_?(ENDPOINT|ENDPOINT_URL|URL)$/, value: (h) => `http://${h}:9324` }],
    defaultVar: 'SQS_ENDPOINT',
  },
};

/** "16.2" → "16" for images tagged by major; keeps the default's precision otherwise. */
function major(version: string | undefined, fallback: string): string {
  if (!version) return fallback;
  const parts = version.replace(/^v/, '').split('.');
  return fallback.includes('.') ? parts.slice(0, fallback.split('.').length).join('.') : parts[0]!;
}

/** The variables an app component gets for a service: those it declares that match, else the default one. */
export function serviceWiring(recipe: ServiceRecipe, host: string, password: string, appVars: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of appVars) {
    const hit = recipe.wiring.find((w) => w.pattern.test(name));
    if (hit) out[name] = hit.value(host, password);
  }
  if (Object.keys(out).length === 0) out[recipe.defaultVar] = recipe.wiring[0]!.value(host, password);
  return out;
}
