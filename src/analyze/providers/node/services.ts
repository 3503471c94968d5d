import type { ServiceType } from '../../../spec/component.js';
import type { FactSheet } from '../../facts.js';
import { findLine, lineText } from '../../parse/manifest.js';
import { repoPath, type RepoView } from '../../repo.js';
import { keyLine, type PackageManifest } from './package-json.js';

/** Client libraries that mean "this app talks to that service" (runtime dependencies only). */
export const DEPENDENCY_SERVICES: Readonly<Record<string, ServiceType>> = {
  pg: 'postgres', postgres: 'postgres', 'pg-promise': 'postgres', slonik: 'postgres', '@vercel/postgres': 'postgres', '@neondatabase/serverless': 'postgres',
  mysql: 'mysql', mysql2: 'mysql', mariadb: 'mariadb',
  mongodb: 'mongodb', mongoose: 'mongodb',
  redis: 'redis', ioredis: 'redis', '@redis/client': 'redis', bull: 'redis', bullmq: 'redis', 'bee-queue': 'redis', 'connect-redis': 'redis', kue: 'redis',
  amqplib: 'rabbitmq', 'amqp-connection-manager': 'rabbitmq', rascal: 'rabbitmq',
  kafkajs: 'kafka', 'node-rdkafka': 'kafka', '@confluentinc/kafka-javascript': 'kafka',
  '@elastic/elasticsearch': 'elasticsearch', elasticsearch: 'elasticsearch', '@opensearch-project/opensearch': 'opensearch',
  memcached: 'memcached', memjs: 'memcached', minio: 'minio', '@aws-sdk/client-sqs': 'sqs', 'sqs-consumer': 'sqs',
};

/** SQL drivers: several of them side by side mean "pick your database", not "needs all of them". */
const SQL_DRIVERS: Readonly<Record<string, string>> = {
  pg: 'postgres', postgres: 'postgres', mysql: 'mysql', mysql2: 'mysql', mariadb: 'mariadb', sqlite3: 'sqlite', 'better-sqlite3': 'sqlite',
  tedious: 'mssql', oracledb: 'oracle', '@libsql/client': 'sqlite',
};

const PRISMA_PROVIDERS: Readonly<Record<string, ServiceType | null>> = {
  postgresql: 'postgres', postgres: 'postgres', cockroachdb: 'postgres', mysql: 'mysql', mongodb: 'mongodb', sqlite: null, sqlserver: null,
};

/** Backing services from dependencies and the Prisma schema. */
export function addServices(repo: RepoView, dir: string, m: PackageManifest, facts: FactSheet): void {
  const deps = Object.keys(m.pkg.dependencies);
  const prisma = prismaProvider(repo, dir);
  const sqlKinds = new Set(deps.map((d) => SQL_DRIVERS[d]).filter(Boolean));
  const multiSql = sqlKinds.size > 1;
  if (multiSql && !prisma) {
    facts.note({
      level: 'info', file: m.file,
      message: `depends on several database drivers (${[...sqlKinds].join(', ')}): the database is a deployment choice, so none is assumed`,
      hint: 'add the one you use under services in slipway.yaml, e.g. - type: postgres',
    });
  }
  for (const dep of deps) {
    const type = DEPENDENCY_SERVICES[dep];
    if (!type) continue;
    if (SQL_DRIVERS[dep] && (multiSql || prisma)) continue;
    facts.addService(type, { source: 'manifest', file: m.file, ...keyLine(m, dep, 'dependencies'), reason: `package.json depends on ${dep}` });
  }
  if (prisma?.service) facts.addService(prisma.service, { source: 'config', file: prisma.file, line: prisma.line, excerpt: prisma.excerpt, reason: `Prisma datasource provider "${prisma.provider}"` });
}

interface PrismaDatasource {
  provider: string;
  service: ServiceType | null;
  file: string;
  line?: number;
  excerpt?: string;
}

function prismaProvider(repo: RepoView, dir: string): PrismaDatasource | undefined {
  for (const name of ['prisma/schema.prisma', 'schema.prisma', 'prisma/schema/schema.prisma']) {
    const file = repoPath(dir, name);
    const text = repo.read(file);
    if (text === null) continue;
    const block = /datasource\s+\w+\s*\{[^}]*\}/.exec(text)?.[0] ?? '';
    const provider = /provider\s*=\s*"([a-z]+)"/.exec(block)?.[1];
    if (!provider) continue;
    const line = findLine(text, /^\s*provider\s*=/, findLine(text, /^\s*datasource\s/) ?? 1);
    return { provider, service: PRISMA_PROVIDERS[provider] ?? null, file, ...(line ? { line, excerpt: lineText(text, line) } : {}) };
  }
  return undefined;
}
