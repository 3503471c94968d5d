import type { ServiceType } from '../../spec/component.js';

const SCHEMES: readonly [RegExp, ServiceType][] = [
  [/^postgres(ql)?(\+\w+)?:\/\//i, 'postgres'],
  [/^mysql(\+\w+)?:\/\//i, 'mysql'],
  [/^mariadb:\/\//i, 'mariadb'],
  [/^mongodb(\+srv)?:\/\//i, 'mongodb'],
  [/^rediss?:\/\//i, 'redis'],
  [/^amqps?:\/\//i, 'rabbitmq'],
];

const NAMES: readonly [RegExp, ServiceType][] = [
  [/(^|_)(POSTGRES|POSTGRESQL|PG)(_|$)|^PG[A-Z]+$/, 'postgres'],
  [/(^|_)MYSQL(_|$)/, 'mysql'],
  [/(^|_)MARIADB(_|$)/, 'mariadb'],
  [/(^|_)MONGO(DB)?(_|$)/, 'mongodb'],
  [/(^|_)(REDIS|VALKEY)(_|$)/, 'redis'],
  [/(^|_)(RABBITMQ|RABBIT|AMQP)(_|$)/, 'rabbitmq'],
  [/(^|_)KAFKA(_|$)/, 'kafka'],
  [/(^|_)(ELASTICSEARCH|ELASTIC|ES)_(URL|HOST|HOSTS|NODE|NODES)$|(^|_)ELASTICSEARCH(_|$)/, 'elasticsearch'],
  [/(^|_)OPENSEARCH(_|$)/, 'opensearch'],
  [/(^|_)MEMCACHED?(_|$)/, 'memcached'],
  [/(^|_)MINIO(_|$)/, 'minio'],
  [/(^|_)SQS(_|$)/, 'sqs'],
];

/**
 * The backing service an environment variable points at: by its value's URL scheme
 * (`postgres://…`), else by its name (`REDIS_HOST`, `PGHOST`, `MONGODB_URI`).
 */
export function serviceFromEnv(name: string, value?: string): ServiceType | undefined {
  const v = (value ?? '').trim().replace(/^['"]|['"]$/g, '');
  for (const [re, type] of SCHEMES) if (re.test(v)) return type;
  if (/^sqlite:|^file:/i.test(v)) return undefined;
  // A port, a timeout or a pool size says how to talk to a service, not that the app needs one.
  if (/_(PORT|TIMEOUT|TTL|PREFIX|POOL\w*|MAX\w*|MIN\w*|DB|INDEX|ENABLED|TLS|SSL\w*)$/.test(name)) return undefined;
  for (const [re, type] of NAMES) if (re.test(name)) return type;
  return undefined;
}
