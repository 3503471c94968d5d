import type { ServiceType } from '../../../spec/component.js';
import type { FactSheet } from '../../facts.js';
import { repoPath, type RepoView } from '../../repo.js';
import { requireOrigin, type Composer } from './composer.js';

const PACKAGES: [ServiceType, string[]][] = [
  ['redis', ['predis/predis', 'ext-redis', 'laravel/horizon', 'snc/redis-bundle']],
  ['rabbitmq', ['php-amqplib/php-amqplib', 'ext-amqp', 'symfony/amqp-messenger', 'vladimir-yuldashev/laravel-queue-rabbitmq']],
  ['mongodb', ['mongodb/mongodb', 'ext-mongodb', 'mongodb/laravel-mongodb', 'jenssegers/mongodb', 'doctrine/mongodb-odm-bundle']],
  ['elasticsearch', ['elasticsearch/elasticsearch', 'ruflin/elastica', 'friendsofsymfony/elastica-bundle']],
  ['opensearch', ['opensearch-project/opensearch-php']],
  ['memcached', ['ext-memcached']],
  ['postgres', ['ext-pgsql', 'ext-pdo_pgsql']],
  ['sqs', ['aws/aws-sdk-php-laravel']],
];
const DB_CONNECTION: Record<string, ServiceType> = { mysql: 'mysql', mariadb: 'mariadb', pgsql: 'postgres', postgres: 'postgres', postgresql: 'postgres' };
const DSN_SCHEMES: [RegExp, ServiceType][] = [
  [/^["']?(postgres|postgresql|pgsql):\/\//, 'postgres'],
  [/^["']?mysql:\/\//, 'mysql'],
  [/^["']?mariadb:\/\//, 'mariadb'],
  [/^["']?rediss?:\/\//, 'redis'],
  [/^["']?amqps?:\/\//, 'rabbitmq'],
  [/^["']?mongodb(\+srv)?:\/\//, 'mongodb'],
];

/**
 * Services from the app's dotenv template (Laravel's DB_CONNECTION and redis drivers,
 * Symfony's DATABASE_URL / MESSENGER_TRANSPORT_DSN schemes), then from Composer packages.
 */
export function addServices(repo: RepoView, dir: string, c: Composer | null, facts: FactSheet): void {
  for (const name of ['.env.example', '.env.dist', '.env']) {
    const file = repoPath(dir, name);
    const text = repo.has(file) ? repo.read(file, 64 * 1024) : null;
    if (!text) continue;
    text.split('\n').forEach((raw, i) => {
      const m = /^\s*([A-Z][A-Z0-9_]*)\s*=\s*(\S*)/.exec(raw);
      if (!m) return;
      const [, key, value] = m as unknown as [string, string, string];
      const origin = { source: 'config' as const, file, line: i + 1, excerpt: raw.trim().slice(0, 200), reason: `${key} in ${name}` };
      const v = value.replace(/^["']|["']$/g, '').toLowerCase();
      if (key === 'DB_CONNECTION' && DB_CONNECTION[v]) facts.addService(DB_CONNECTION[v], origin);
      if (/^(CACHE_DRIVER|CACHE_STORE|QUEUE_CONNECTION|SESSION_DRIVER|BROADCAST_DRIVER)$/.test(key) && v === 'redis') facts.addService('redis', origin);
      if (/(_URL|_DSN)$/.test(key)) {
        const scheme = DSN_SCHEMES.find(([re]) => re.test(value));
        if (scheme) facts.addService(scheme[1], origin);
      }
    });
    break;
  }
  if (!c) return;
  for (const [type, pkgs] of PACKAGES) {
    const pkg = pkgs.find((p) => p in c.require);
    if (pkg) facts.addService(type, requireOrigin(c, pkg));
  }
}
