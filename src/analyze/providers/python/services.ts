import type { ServiceType } from '../../../spec/component.js';
import type { FactSheet } from '../../facts.js';
import type { PythonManifests } from './dependencies.js';
import { linesOf, type PythonSource } from './sources.js';

/** Client libraries that mean a backing service (PEP 503 names). */
export const SERVICE_PACKAGES: Record<string, ServiceType> = {
  psycopg: 'postgres', 'psycopg-binary': 'postgres', psycopg2: 'postgres', 'psycopg2-binary': 'postgres', asyncpg: 'postgres', pg8000: 'postgres',
  mysqlclient: 'mysql', pymysql: 'mysql', 'mysql-connector-python': 'mysql', aiomysql: 'mysql', asyncmy: 'mysql',
  mariadb: 'mariadb',
  pymongo: 'mongodb', motor: 'mongodb', mongoengine: 'mongodb', beanie: 'mongodb',
  redis: 'redis', aioredis: 'redis', 'django-redis': 'redis', rq: 'redis', 'redis-py-cluster': 'redis',
  pika: 'rabbitmq', 'aio-pika': 'rabbitmq', aiormq: 'rabbitmq',
  'kafka-python': 'kafka', 'confluent-kafka': 'kafka', aiokafka: 'kafka',
  elasticsearch: 'elasticsearch', 'elasticsearch-dsl': 'elasticsearch', 'django-elasticsearch-dsl': 'elasticsearch',
  'opensearch-py': 'opensearch',
  pymemcache: 'memcached', 'python-memcached': 'memcached', pylibmc: 'memcached',
  minio: 'minio',
};

/** URL schemes in settings defaults ("amqp://guest@localhost//") that name a service. */
const URL_SCHEMES: [RegExp, ServiceType][] = [
  [/["'](postgres|postgresql|postgis)(\+\w+)?:\/\//, 'postgres'],
  [/["']mysql(\+\w+)?:\/\//, 'mysql'],
  [/["']mongodb(\+srv)?:\/\//, 'mongodb'],
  [/["']rediss?:\/\//, 'redis'],
  [/["']amqps?:\/\//, 'rabbitmq'],
];

/**
 * Services from declared client libraries (main and dev groups: a dev-only redis is still
 * what the app talks to locally; optional extras are alternatives, not requirements), and
 * from connection URLs written as defaults in settings/config modules.
 */
export function addServices(m: PythonManifests, sources: readonly PythonSource[], facts: FactSheet): void {
  for (const d of m.dependencies) {
    const service = SERVICE_PACKAGES[d.name];
    if (!service || (d.group !== 'main' && d.group !== 'dev')) continue;
    facts.addService(service, { source: 'manifest', file: d.file, line: d.line, reason: `depends on ${d.name}`, weight: d.group === 'main' ? 0.9 : 0.6 });
  }
  for (const s of sources) {
    if (!/(^|\/)(settings|config|conf|celeryconf|celery)(\/|\.py$|_\w*\.py$)|(^|\/)(settings|config)\w*\.py$/.test(s.rel)) continue;
    if (!s.text.includes('://')) continue;
    for (const [line, text] of linesOf(s)) {
      if (!text.includes('://') || text.trimStart().startsWith('#')) continue;
      for (const [re, service] of URL_SCHEMES) {
        if (re.test(text)) facts.addService(service, { source: 'config', file: s.file, line, excerpt: text.trim().slice(0, 200), reason: 'connection URL in settings' });
      }
    }
  }
}
